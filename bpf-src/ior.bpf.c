// SPDX-License-Identifier: GPL-2.0
/*
 * ior's kernel side: pairs every traced syscall's enter and exit per thread and
 * emits ONE ring-buffer record per completed call (struct ior_event), plus records
 * for fork, exec and process exit so user space can keep per-process fd tables, and
 * one record per io_uring request (ior_uring.bpf.h).
 *
 * Programs hang off the raw syscall tracepoints (tp_btf/sys_enter, sys_exit): one
 * pair serves every syscall, which syscalls count is a map lookup by number
 * (ior_syscalls), and detaching takes no time. The measured reasons are in
 * docs/attach-mechanism.md.
 */
#include "vmlinux_min.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "ior_arch.h"
#include "ior_event.h"
#include "ior_maps.h"
#include "ior_emit.h"

char LICENSE[] SEC("license") = "GPL";

/* Argument n (1-based) of args; 0 when n names none. A switch, because the verifier
 * cannot bound an index that clang has already range-checked in another register. */
static __always_inline __u64 ior_arg(const __u64 *args, __u8 n)
{
	switch (n) {
	case 1: return args[0];
	case 2: return args[1];
	case 3: return args[2];
	case 4: return args[3];
	case 5: return args[4];
	case 6: return args[5];
	default: return 0;
	}
}

static __always_inline void ior_set_arg(__u64 *args, __u8 n, __u64 value)
{
	switch (n) {
	case 1: args[0] = value; break;
	case 2: args[1] = value; break;
	case 3: args[2] = value; break;
	case 4: args[3] = value; break;
	case 5: args[4] = value; break;
	case 6: args[5] = value; break;
	}
}

/* The settings of syscall nr if it is traced or tracked, else NULL: the first and,
 * for most syscalls on a host, the only test either program makes. */
static __always_inline struct ior_syscall_conf *ior_conf(long nr)
{
	__u32 key = (__u32)nr;
	struct ior_syscall_conf *conf;

	if (nr < 0 || nr >= IOR_MAX_SYSCALL_NR)
		return NULL;
	conf = bpf_map_lookup_elem(&ior_syscalls, &key);
	return conf && (conf->traced | conf->track) ? conf : NULL;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(ior_sys_enter, struct pt_regs *regs, long id)
{
	__u64 pid_tgid;
	struct ior_inflight *slot;
	__u64 now;

	if (!ior_conf(id))
		return 0;
	pid_tgid = bpf_get_current_pid_tgid();
	if (!ior_wanted(pid_tgid >> 32, (__u32)pid_tgid))
		return 0;
	slot = bpf_task_storage_get(&ior_inflight, bpf_get_current_task_btf(), 0,
				    BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!slot) {
		ior_count(IOR_CNT_LOST_STORAGE);
		return 0;
	}
	now = bpf_ktime_get_boot_ns();
	slot->enter_ns = now;
	slot->gap_ns = slot->last_exit_ns ? now - slot->last_exit_ns : 0;
	slot->nr = (__u32)id;
	slot->restarts = 0;
	ior_syscall_args(regs, slot->args);
	slot->active = 1;
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(ior_sys_exit, struct pt_regs *regs, long ret)
{
	long nr = ior_syscall_nr(regs);
	struct ior_syscall_conf *conf;
	struct ior_inflight *slot;
	struct ior_scratch *scratch;
	struct ior_event *ev;
	__u16 len = 0, len2 = 0, flags = 0;
	__u64 pid_tgid, now, latency;

	/* Leave untraced syscalls before touching the task storage: its lookup is the
	 * dearest step, and most syscalls on a host are not traced. */
	conf = ior_conf(nr);
	if (!conf)
		return 0;
	slot = bpf_task_storage_get(&ior_inflight, bpf_get_current_task_btf(), 0, 0);
	if (!slot)
		return 0;
	if (!slot->active || slot->nr != nr) {
		ior_count(IOR_CNT_UNMATCHED_EXIT);
		return 0;
	}
	slot->active = 0;
	now = bpf_ktime_get_boot_ns();
	slot->last_exit_ns = now;
	latency = now - slot->enter_ns;
	if (!ior_keep(conf, latency, ret, &flags))
		return 0;
	scratch = ior_scratch_record();
	if (!scratch)
		return 0;

	pid_tgid = bpf_get_current_pid_tgid();
	ev = &scratch->ev;
	ev->start_ns = slot->enter_ns;
	ev->latency_ns = latency;
	ev->gap_ns = slot->gap_ns;
	ev->ret = ret;
	__builtin_memcpy(ev->args, slot->args, sizeof(ev->args));
	ev->ino = 0;
	ev->fs_magic = 0;
	ev->pid = pid_tgid >> 32;
	ev->tid = (__u32)pid_tgid;
	ev->kind = IOR_KIND_SYSCALL;
	ev->nr = (__u16)nr;
	ev->flags = flags;
	ev->restarts = slot->restarts;
	bpf_get_current_comm(ev->comm, sizeof(ev->comm));

	if (conf->deref_arg) {
		__u64 value = 0;

		bpf_probe_read_user(&value, sizeof(value),
				    (const void *)ior_arg(ev->args, conf->deref_arg));
		ior_set_arg(ev->args, conf->deref_arg, value);
	}
	if (conf->path_arg)
		len = ior_copy_path(scratch->paths, ior_arg(slot->args, conf->path_arg),
				    &ev->flags, IOR_F_PATH_TRUNCATED, IOR_F_PATH_FAULT);
	else if (conf->fd_ident == 1 && ret >= 0)
		len = ior_identify(ev, scratch->paths, ret, -1);
	else if (conf->fd_ident == 2 && ret >= 0) {
		__u64 pair = ior_arg(ev->args, conf->deref_arg);

		len = ior_identify(ev, scratch->paths, (int)pair, (int)(pair >> 32));
	}
	len &= IOR_PATH_MAX - 1;
	if (conf->path2_arg)
		len2 = ior_copy_path(scratch->paths + len, ior_arg(slot->args, conf->path2_arg),
				     &ev->flags, IOR_F_PATH2_TRUNCATED, IOR_F_PATH2_FAULT);
	len2 &= IOR_PATH_MAX - 1;
	ev->path_len = len;
	ev->path2_len = len2;
	ior_submit(scratch, sizeof(*ev) + len + len2);
	return 0;
}

/* Emits a process lifecycle record: no paths, no latency. */
static __always_inline void ior_emit_process(__u16 kind, __u32 tgid, __u64 parent,
					     const char *comm)
{
	struct ior_scratch *scratch = ior_scratch_record();
	struct ior_event *ev;

	if (!scratch)
		return;
	ev = &scratch->ev;
	__builtin_memset(ev, 0, sizeof(*ev));
	ev->start_ns = bpf_ktime_get_boot_ns();
	ev->pid = tgid;
	ev->tid = tgid;
	ev->kind = kind;
	ev->args[0] = parent;
	bpf_probe_read_kernel_str(ev->comm, sizeof(ev->comm), comm);
	ior_submit(ev, sizeof(*ev));
}

/* Whether a process's lifecycle matters: it passes the pid filter (not comm or tid:
 * user space needs the fd tables of every process it may later see). */
static __always_inline bool ior_process_wanted(__u32 tgid)
{
	__u32 zero = 0;
	struct ior_filter *filter;

	if (tgid == ior_settings.self_tgid)
		return false;
	filter = bpf_map_lookup_elem(&ior_filter, &zero);
	if (!filter)
		return false;
	return !filter->use_pid_set || bpf_map_lookup_elem(&ior_pids, &tgid);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(ior_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 parent_tgid = parent->tgid;

	if (child->pid != child->tgid) /* a new thread shares its process's fd table */
		return 0;
	if (!ior_process_wanted(parent_tgid))
		return 0;
	ior_emit_process(IOR_KIND_FORK, child->tgid, parent_tgid, child->comm);
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(ior_process_exec, struct task_struct *task, pid_t old_pid,
	     struct linux_binprm *bprm)
{
	__u32 tgid = task->tgid;

	if (!ior_process_wanted(tgid))
		return 0;
	ior_emit_process(IOR_KIND_EXEC, tgid, 0, task->comm);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(ior_process_exit, struct task_struct *task)
{
	__u32 tgid = task->tgid;

	if (BPF_CORE_READ(task, signal, live.counter) != 0) /* other threads live on */
		return 0;
	if (!ior_process_wanted(tgid))
		return 0;
	ior_emit_process(IOR_KIND_EXIT, tgid, 0, task->comm);
	return 0;
}

#include "ior_uring.bpf.h"
