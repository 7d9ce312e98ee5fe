// SPDX-License-Identifier: GPL-2.0
/*
 * ior's kernel side: pairs every traced syscall's enter and exit per thread and
 * emits ONE ring-buffer record per completed call (struct ior_event), plus records
 * for fork, exec and process exit so user space can keep per-process fd tables.
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

char LICENSE[] SEC("license") = "GPL";

/* Read-only settings in a section of their own, so the loader finds them as one
 * struct (map .rodata.ior) laid out by ior_event.h, with no offsets to guess. */
const volatile struct ior_settings ior_settings SEC(".rodata.ior") = {
	.wakeup_bytes = 1 << 20,
};

/* The event ring. Size set by the loader (--ring-size); a full ring drops the record
 * in bpf_ringbuf_output and counts it in IOR_CNT_LOST_RINGBUF. */
struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 << 20);
} ior_ring SEC(".maps");

/* Per-CPU counters, enum ior_counter. Summed over CPUs by the reader. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, IOR_CNT__COUNT);
	__type(key, __u32);
	__type(value, __u64);
} ior_counters SEC(".maps");

/* Which syscall numbers are traced and which arguments are strings. Written by the
 * loader from the syscall table; changed at run time to narrow the probe set. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, IOR_MAX_SYSCALL_NR);
	__type(key, __u32);
	__type(value, struct ior_syscall_conf);
} ior_syscalls SEC(".maps");

/* The run-time filters: one entry. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ior_filter);
} ior_filter SEC(".maps");

/* Process set for --pid (several pids) and --follow; 16 Ki processes; an insert into
 * a full set fails and that child is not followed. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, __u8);
} ior_pids SEC(".maps");

/* One in-flight slot per live traced thread, updated in place on enter and exit and
 * freed by the kernel with the task: no growth under thread churn. */
struct ior_inflight {
	__u64 enter_ns;
	__u64 gap_ns;
	__u64 last_exit_ns;
	__u64 args[6];
	__u32 nr;
	__u16 active;
	__u16 restarts;
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ior_inflight);
} ior_inflight SEC(".maps");

/* Where a record is assembled before bpf_ringbuf_output copies exactly its length.
 * The second path may start anywhere in the first half, hence two full halves. */
struct ior_scratch {
	struct ior_event ev;
	char paths[2 * IOR_PATH_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ior_scratch);
} ior_scratch SEC(".maps");

static __always_inline void ior_count(__u32 counter)
{
	__u64 *value = bpf_map_lookup_elem(&ior_counters, &counter);

	if (value)
		*value += 1; /* per-CPU slot: no other writer */
}

static __always_inline bool ior_comm_equal(const char *a, const char *b)
{
	return *(const __u64 *)a == *(const __u64 *)b &&
	       *(const __u64 *)(a + 8) == *(const __u64 *)(b + 8);
}

/* The run-time filters, cheapest test first. */
static __always_inline bool ior_wanted(__u32 tgid, __u32 tid)
{
	__u32 zero = 0;
	struct ior_filter *filter;

	if (tgid == ior_settings.self_tgid)
		return false;
	filter = bpf_map_lookup_elem(&ior_filter, &zero);
	if (!filter)
		return false;
	if (filter->tid && filter->tid != tid)
		return false;
	if (filter->use_pid_set && !bpf_map_lookup_elem(&ior_pids, &tgid))
		return false;
	if (filter->comm[0]) {
		char comm[IOR_COMM_LEN] __attribute__((aligned(8))) = {};

		bpf_get_current_comm(comm, sizeof(comm));
		if (!ior_comm_equal(comm, filter->comm))
			return false;
	}
	return true;
}

/* The ring is drained in batches: no wakeup per record, only once a backlog of
 * ior_settings.wakeup_bytes builds up; the reader also wakes on its own short timeout. */
static __always_inline __u64 ior_wakeup_flag(void)
{
	return bpf_ringbuf_query(&ior_ring, BPF_RB_AVAIL_DATA) >= ior_settings.wakeup_bytes
		       ? BPF_RB_FORCE_WAKEUP
		       : BPF_RB_NO_WAKEUP;
}

static __always_inline void ior_submit(void *record, __u64 size)
{
	if (bpf_ringbuf_output(&ior_ring, record, size, ior_wakeup_flag()) == 0)
		ior_count(IOR_CNT_EMITTED);
	else
		ior_count(IOR_CNT_LOST_RINGBUF);
}

/*
 * Copies the user string at ptr into dst (at most IOR_PATH_MAX bytes, NUL included)
 * and returns its length without the NUL, setting the truncated or fault flag.
 */
static __always_inline __u16 ior_copy_path(char *dst, __u64 ptr, __u16 *flags,
					   __u16 truncated_flag, __u16 fault_flag)
{
	long len = bpf_probe_read_user_str(dst, IOR_PATH_MAX, (const void *)ptr);
	char next = 0;

	if (len <= 0) {
		*flags |= fault_flag;
		return 0;
	}
	if (len == IOR_PATH_MAX) {
		/* Full buffer: truncated unless the string ends exactly here. */
		bpf_probe_read_user(&next, 1, (const char *)ptr + IOR_PATH_MAX - 1);
		if (next)
			*flags |= truncated_flag;
	}
	return (__u16)(len - 1);
}

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

static __always_inline struct ior_scratch *ior_scratch_record(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&ior_scratch, &zero);
}

static __always_inline bool ior_traced(long nr)
{
	__u32 key = (__u32)nr;
	struct ior_syscall_conf *conf;

	if (nr < 0 || nr >= IOR_MAX_SYSCALL_NR)
		return false;
	conf = bpf_map_lookup_elem(&ior_syscalls, &key);
	return conf && conf->traced;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(ior_sys_enter, struct pt_regs *regs, long id)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct ior_inflight *slot;
	__u64 now;

	if (!ior_traced(id))
		return 0;
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
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct ior_syscall_conf *conf;
	struct ior_inflight *slot;
	struct ior_scratch *scratch;
	struct ior_event *ev;
	__u16 len = 0, len2 = 0;
	__u64 now, latency;
	__u32 zero = 0;

	/* Leave untraced syscalls before touching the task storage: its lookup is the
	 * dearest step, and most syscalls on a host are not traced. */
	if (!ior_traced(ior_syscall_nr(regs)))
		return 0;
	slot = bpf_task_storage_get(&ior_inflight, bpf_get_current_task_btf(), 0, 0);
	if (!slot)
		return 0;
	if (!slot->active) {
		ior_count(IOR_CNT_UNMATCHED_EXIT);
		return 0;
	}
	slot->active = 0;
	now = bpf_ktime_get_boot_ns();
	slot->last_exit_ns = now;
	latency = now - slot->enter_ns;

	struct ior_filter *filter = bpf_map_lookup_elem(&ior_filter, &zero);
	if (filter && latency < filter->min_latency_ns) {
		ior_count(IOR_CNT_FILTERED);
		return 0;
	}
	scratch = ior_scratch_record();
	conf = bpf_map_lookup_elem(&ior_syscalls, &slot->nr);
	if (!scratch || !conf)
		return 0;

	ev = &scratch->ev;
	ev->start_ns = slot->enter_ns;
	ev->latency_ns = latency;
	ev->gap_ns = slot->gap_ns;
	ev->ret = ret;
	__builtin_memcpy(ev->args, slot->args, sizeof(ev->args));
	ev->ino = 0;
	ev->pid = pid_tgid >> 32;
	ev->tid = (__u32)pid_tgid;
	ev->kind = IOR_KIND_SYSCALL;
	ev->nr = (__u16)slot->nr;
	ev->flags = 0;
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
