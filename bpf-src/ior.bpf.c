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
#include "ior_syscall.h"

char LICENSE[] SEC("license") = "GPL";

#define IOR_E2BIG 7 /* a full hash map refuses an insert with -E2BIG */

SEC("tp_btf/sys_enter")
int BPF_PROG(ior_sys_enter, struct pt_regs *regs, long id)
{
	struct ior_syscall_conf *conf = ior_conf(id);
	__u64 args[6];

	if (!conf)
		return 0;
	ior_syscall_args(regs, args);
	ior_enter(conf, id, args);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(ior_sys_exit, struct pt_regs *regs, long ret)
{
	ior_exit(ior_syscall_nr(regs), ret);
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
	struct ior_filter *filter = ior_filters_for(tgid);

	return filter && (!filter->use_pid_set || bpf_map_lookup_elem(&ior_pids, &tgid));
}

/* With --follow, a child of a process in the pid set joins it, decided here in the
 * kernel: the child's first call is traced, however short its life. */
static __always_inline void ior_follow(struct ior_filter *filter, __u32 parent_tgid, __u32 child_tgid)
{
	__u8 followed = IOR_PID_FOLLOWED;

	if (!filter->follow || !filter->use_pid_set || !bpf_map_lookup_elem(&ior_pids, &parent_tgid))
		return;
	if (bpf_map_update_elem(&ior_pids, &child_tgid, &followed, BPF_NOEXIST) == -IOR_E2BIG)
		ior_count(IOR_CNT_LOST_FOLLOW);
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(ior_process_fork, struct task_struct *parent, struct task_struct *child)
{
	__u32 parent_tgid = parent->tgid;
	struct ior_filter *filter;

	if (child->pid != child->tgid) /* a new thread shares its process's fd table */
		return 0;
	filter = ior_filters_for(parent_tgid);
	if (!filter)
		return 0;
	ior_follow(filter, parent_tgid, child->tgid);
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
	__u8 *origin;

	ior_flush_interrupted(task);
	if (BPF_CORE_READ(task, signal, live.counter) != 0) /* other threads live on */
		return 0;
	if (!ior_process_wanted(tgid))
		return 0;
	ior_emit_process(IOR_KIND_EXIT, tgid, 0, task->comm);
	origin = bpf_map_lookup_elem(&ior_pids, &tgid);
	if (origin && *origin == IOR_PID_FOLLOWED) /* its pid may be reused by a stranger */
		bpf_map_delete_elem(&ior_pids, &tgid);
	return 0;
}

#include "ior_uring.bpf.h"
