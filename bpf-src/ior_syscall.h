/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The work on a syscall's entry and exit, whatever program it is called from: ior's
 * raw tracepoint pair (ior.bpf.c) and the per-syscall tracepoint variant the attach
 * benchmark compares it with (bench/variants/). At entry: select, filter, sample, note
 * the time and the arguments in the thread's slot. At exit: pair with the slot, decide,
 * and emit one record. A call that returns a restart code and is run again by the
 * kernel stays one record; a call that never returns is emitted at entry.
 */
#ifndef IOR_SYSCALL_H
#define IOR_SYSCALL_H

/* The kernel's restart codes (include/linux/errno.h): a call interrupted by a signal
 * returns one of them at its exit tracepoint, and the kernel either runs it again or
 * turns the code into -EINTR for the caller. Not errors the caller sees. */
#define IOR_ERESTARTSYS 512
#define IOR_ERESTART_RESTARTBLOCK 516

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

/* The settings of syscall nr, whatever they say. */
static __always_inline struct ior_syscall_conf *ior_conf_of(long nr)
{
	__u32 key = (__u32)nr;

	if (nr < 0 || nr >= IOR_MAX_SYSCALL_NR)
		return NULL;
	return bpf_map_lookup_elem(&ior_syscalls, &key);
}

/* The settings of syscall nr if it is traced, tracked or watched, else NULL: the first
 * and, for most syscalls on a host, the only test either program makes. */
static __always_inline struct ior_syscall_conf *ior_conf(long nr)
{
	struct ior_syscall_conf *conf = ior_conf_of(nr);

	return conf && (conf->traced | conf->track | conf->restart) ? conf : NULL;
}

/* Whether a traced call is emitted: always, or about one in conf->sample (0: never).
 * A syscall that is sampled has its calls counted, so its totals stay exact. */
static __always_inline bool ior_sample_in(const struct ior_syscall_conf *conf, long nr)
{
	struct ior_sample_count *count;
	__u32 key = (__u32)nr;

	if (conf->sample == 1)
		return true;
	count = bpf_map_lookup_elem(&ior_sampled, &key);
	if (count)
		count->calls++; /* per-CPU slot: no other writer */
	return conf->sample && bpf_get_prandom_u32() % conf->sample == 0;
}

/* A record of a sampled syscall went to the ring. */
static __always_inline void ior_count_emitted(const struct ior_syscall_conf *conf, __u32 nr)
{
	struct ior_sample_count *count;

	if (conf->sample == 1)
		return;
	count = bpf_map_lookup_elem(&ior_sampled, &nr);
	if (count)
		count->emitted++;
}

static __always_inline bool ior_is_restart(long ret)
{
	return ret <= -IOR_ERESTARTSYS && ret >= -IOR_ERESTART_RESTARTBLOCK;
}

/*
 * Makes the record of the call in slot (named record_nr, settings conf) and hands it
 * to the ring: one completed call, one interrupted call that was not run again, or
 * (flags IOR_F_NO_RETURN) one that never returns.
 */
static __always_inline void ior_emit_call(struct ior_inflight *slot, struct ior_syscall_conf *conf,
					  __u32 record_nr, long ret, __u64 latency, __u16 flags)
{
	struct ior_scratch *scratch = ior_scratch_record();
	struct ior_event *ev;
	__u16 len = 0, len2 = 0;
	__u64 pid_tgid;

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
	ev->nr = (__u16)record_nr;
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
	if (conf->inode_fd && !(ev->flags & IOR_F_FD_IDENTITY)) {
		ev->ino = ior_fd_inode(conf->inode_fd == IOR_INODE_OF_RET ? ret
					: (int)ior_arg(ev->args, conf->inode_fd));
		if (ev->ino)
			ev->flags |= IOR_F_FD_INODE;
	}
	len &= IOR_PATH_MAX - 1;
	if (conf->path2_arg)
		len2 = ior_copy_path(scratch->paths + len, ior_arg(slot->args, conf->path2_arg),
				     &ev->flags, IOR_F_PATH2_TRUNCATED, IOR_F_PATH2_FAULT);
	len2 &= IOR_PATH_MAX - 1;
	ev->path_len = len;
	ev->path2_len = len2;
	if (ior_submit(scratch, sizeof(*ev) + len + len2) && !(flags & IOR_F_TRACK_ONLY))
		ior_count_emitted(conf, record_nr);
}

/* A call that was interrupted with a restart code and not run again: its record now,
 * with the restart code as it returned (the caller saw it turned into -EINTR). */
static __always_inline void ior_emit_interrupted(struct ior_inflight *slot)
{
	struct ior_syscall_conf *conf = ior_conf_of(slot->record_nr);

	slot->state = IOR_SLOT_IDLE;
	if (!conf)
		return;
	if (!slot->track_only && conf->traced)
		ior_emit_call(slot, conf, slot->record_nr, -(long)slot->restart_code,
			      slot->last_exit_ns - slot->enter_ns, 0);
}

/*
 * Whether the call entering (nr, args) is the interrupted call in slot run again: the
 * same syscall with the same arguments, or restart_syscall after
 * ERESTART_RESTARTBLOCK. Argument by argument: the verifier sees every load.
 */
static __always_inline bool ior_resumes(const struct ior_inflight *slot,
					const struct ior_syscall_conf *conf, long nr,
					const __u64 *args)
{
	if (conf->restart)
		return slot->restart_code == IOR_ERESTART_RESTARTBLOCK;
	return slot->record_nr == nr && slot->args[0] == args[0] && slot->args[1] == args[1] &&
	       slot->args[2] == args[2] && slot->args[3] == args[3] &&
	       slot->args[4] == args[4] && slot->args[5] == args[5];
}

/*
 * A call nr (settings conf, not NULL) entered with args: filter, fold a restart, sample,
 * and note it in the thread's slot; a call that never returns is emitted now.
 */
static __always_inline void ior_enter(struct ior_syscall_conf *conf, long nr, const __u64 *args)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();
	struct ior_inflight *slot;
	bool emit;
	__u64 now;

	if (!ior_wanted(pid_tgid >> 32, (__u32)pid_tgid))
		return;
	slot = bpf_task_storage_get(&ior_inflight, bpf_get_current_task_btf(), 0,
				    BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!slot) {
		ior_count(IOR_CNT_LOST_STORAGE);
		return;
	}
	if (slot->state == IOR_SLOT_INTERRUPTED) {
		if (ior_resumes(slot, conf, nr, args)) {
			slot->state = IOR_SLOT_IN_CALL;
			slot->nr = (__u32)nr;
			slot->restarts++;
			return;
		}
		ior_emit_interrupted(slot);
	}
	emit = conf->traced && ior_sample_in(conf, nr);
	if (!emit && !conf->track)
		return; /* sampled out, or restart_syscall with nothing to resume */
	now = bpf_ktime_get_boot_ns();
	slot->enter_ns = now;
	slot->gap_ns = slot->last_exit_ns ? now - slot->last_exit_ns : 0;
	slot->nr = (__u32)nr;
	slot->record_nr = (__u32)nr;
	slot->restarts = 0;
	slot->track_only = !emit;
	__builtin_memcpy(slot->args, args, sizeof(slot->args));
	if (conf->no_return) {
		slot->state = IOR_SLOT_IDLE;
		if (emit)
			ior_emit_call(slot, conf, nr, 0, 0, IOR_F_NO_RETURN);
		return;
	}
	slot->state = IOR_SLOT_IN_CALL;
}

/* A call nr returned ret: pairs it with its entry and emits its record. */
static __always_inline void ior_exit(long nr, long ret)
{
	struct ior_syscall_conf *conf;
	struct ior_inflight *slot;
	__u16 flags = 0;
	__u64 now, latency;

	/* Leave untraced syscalls before touching the task storage: its lookup is the
	 * dearest step, and most syscalls on a host are not traced. */
	conf = ior_conf(nr);
	if (!conf || conf->no_return)
		return;
	slot = bpf_task_storage_get(&ior_inflight, bpf_get_current_task_btf(), 0, 0);
	if (!slot)
		return;
	if (slot->state != IOR_SLOT_IN_CALL || slot->nr != nr) {
		ior_count(IOR_CNT_UNMATCHED_EXIT);
		return;
	}
	now = bpf_ktime_get_boot_ns();
	if (ior_is_restart(ret)) {
		slot->state = IOR_SLOT_INTERRUPTED;
		slot->restart_code = (__s32)-ret;
		slot->last_exit_ns = now; /* where the record ends if the call is not run again */
		return;
	}
	slot->state = IOR_SLOT_IDLE;
	if (slot->record_nr != nr) /* restart_syscall resumed it: the record is the original's */
		conf = ior_conf_of(slot->record_nr);
	if (!conf)
		return;
	latency = now - slot->enter_ns;
	if (!ior_keep(conf, !slot->track_only, latency, ret, &flags))
		return;
	if (!(flags & IOR_F_TRACK_ONLY))
		slot->last_exit_ns = now; /* gaps are measured between emitted calls */
	ior_emit_call(slot, conf, slot->record_nr, ret, latency, flags);
}

/* The exiting thread's interrupted call, if one waits to be run again: it never will. */
static __always_inline void ior_flush_interrupted(struct task_struct *task)
{
	struct ior_inflight *slot = bpf_task_storage_get(&ior_inflight, task, 0, 0);

	if (slot && slot->state == IOR_SLOT_INTERRUPTED)
		ior_emit_interrupted(slot);
}

#endif
