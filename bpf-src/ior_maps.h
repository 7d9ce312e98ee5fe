/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every map of ior's BPF object, with its size and what happens when it is full.
 * Settings maps are written by the Java side (dev.ior.bpf.live.KernelMaps) and read
 * on every call, so changing them changes tracing on the next syscall.
 */
#ifndef IOR_MAPS_H
#define IOR_MAPS_H

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

/* Which syscall numbers are traced and how their arguments read. Written by the
 * loader from the syscall table; rewritten at run time to change the probe set. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, IOR_MAX_SYSCALL_NR);
	__type(key, __u32);
	__type(value, struct ior_syscall_conf);
} ior_syscalls SEC(".maps");

/* The same for io_uring operations, indexed by IORING_OP_ (traced and track only). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, IOR_URING_OPS);
	__type(key, __u32);
	__type(value, struct ior_syscall_conf);
} ior_uring_ops SEC(".maps");

/* The run-time filters: one entry. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct ior_filter);
} ior_filter SEC(".maps");

/* Process set for --pid (several pids) and --follow, values enum ior_pid_origin; 16 Ki
 * processes; an insert into a full set fails and that child is not followed (counted in
 * IOR_CNT_LOST_FOLLOW). */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, __u32);
	__type(value, __u8);
} ior_pids SEC(".maps");

/* Calls and records of sampled syscalls, by syscall number (struct ior_sample_count). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, IOR_MAX_SYSCALL_NR);
	__type(key, __u32);
	__type(value, struct ior_sample_count);
} ior_sampled SEC(".maps");

/* What a thread's slot holds (ior_inflight.state). */
enum ior_slot_state {
	IOR_SLOT_IDLE = 0,        /* no traced call in flight */
	IOR_SLOT_IN_CALL = 1,     /* a traced call entered, its exit is awaited */
	IOR_SLOT_INTERRUPTED = 2, /* the call returned a restart code: the kernel may run it
				   * again (same number and arguments, or restart_syscall), and
				   * then it stays one record */
};

/* One in-flight slot per live traced thread, updated in place on enter and exit and
 * freed by the kernel with the task: no growth under thread churn. */
struct ior_inflight {
	__u64 enter_ns;     /* the first entry of the call (restarts keep it) */
	__u64 gap_ns;
	__u64 last_exit_ns; /* the exit of this thread's last emitted call */
	__u64 args[6];
	__u32 nr;           /* the syscall whose exit is awaited (restart_syscall on a resume) */
	__u32 record_nr;    /* the syscall the record names */
	__u8 state;         /* enum ior_slot_state */
	__u8 track_only;    /* sampled out: the record is made only for the fd table */
	__u16 restarts;
	__s32 restart_code; /* what an interrupted call returned (-ERESTART...) */
};

struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct ior_inflight);
} ior_inflight SEC(".maps");

/* io_uring requests between submission and completion, keyed by the request's
 * address (the kernel recycles it only after the completion deleted the entry).
 * 16 Ki requests in flight; a submission that finds the map full is counted in
 * IOR_CNT_LOST_URING. Requests that post no completion on success
 * (IOSQE_CQE_SKIP_SUCCESS) are not entered. */
struct ior_uring_req {
	__u64 submit_ns;
	__u64 args[6];
	__u32 pid;
	__u32 tid;
	char comm[IOR_COMM_LEN];
	__u16 flags;
	__u16 path_len;
	__u32 opcode;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 16384);
	__type(key, __u64);
	__type(value, struct ior_uring_req);
} ior_uring_inflight SEC(".maps");

/* The path of an io_uring openat in flight (the kernel frees its copy before the
 * completion): 1 Ki at a time, beyond that the event comes without its path
 * (IOR_F_PATH_FAULT). */
struct ior_uring_path {
	char name[IOR_PATH_MAX];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__uint(max_entries, 1024);
	__type(key, __u64);
	__type(value, struct ior_uring_path);
} ior_uring_paths SEC(".maps");

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

#endif
