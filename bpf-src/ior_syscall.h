/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The work on a syscall's entry and exit, whatever program it is called from: ior's
 * raw tracepoint pair (ior.bpf.c) and the per-syscall tracepoint variant the attach
 * benchmark compares it with (bench/variants/). At entry: select, filter, note the
 * time and make the per-thread slot ready for the caller to fill the arguments. At
 * exit: pair with the slot, decide, and emit one record.
 */
#ifndef IOR_SYSCALL_H
#define IOR_SYSCALL_H

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

/* A traced call entered: its slot, with the times set, for the caller to fill args
 * and mark active; NULL when the call is not traced or filtered out. */
static __always_inline struct ior_inflight *ior_enter(long nr)
{
	__u64 pid_tgid;
	struct ior_inflight *slot;
	__u64 now;

	if (!ior_conf(nr))
		return NULL;
	pid_tgid = bpf_get_current_pid_tgid();
	if (!ior_wanted(pid_tgid >> 32, (__u32)pid_tgid))
		return NULL;
	slot = bpf_task_storage_get(&ior_inflight, bpf_get_current_task_btf(), 0,
				    BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!slot) {
		ior_count(IOR_CNT_LOST_STORAGE);
		return NULL;
	}
	now = bpf_ktime_get_boot_ns();
	slot->enter_ns = now;
	slot->gap_ns = slot->last_exit_ns ? now - slot->last_exit_ns : 0;
	slot->nr = (__u32)nr;
	slot->restarts = 0;
	return slot;
}

/* A call nr returned ret: pairs it with its entry and emits its record. */
static __always_inline void ior_exit(long nr, long ret)
{
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
		return;
	slot = bpf_task_storage_get(&ior_inflight, bpf_get_current_task_btf(), 0, 0);
	if (!slot)
		return;
	if (!slot->active || slot->nr != nr) {
		ior_count(IOR_CNT_UNMATCHED_EXIT);
		return;
	}
	slot->active = 0;
	now = bpf_ktime_get_boot_ns();
	slot->last_exit_ns = now;
	latency = now - slot->enter_ns;
	if (!ior_keep(conf, latency, ret, &flags))
		return;
	scratch = ior_scratch_record();
	if (!scratch)
		return;

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
}

#endif
