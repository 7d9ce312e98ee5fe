/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every program shares: the counters, the run-time filters, the decision to
 * keep a completed call, copying path strings, naming a new fd, and handing a record
 * to the ring.
 */
#ifndef IOR_EMIT_H
#define IOR_EMIT_H

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

/* The run-time filters that apply to process tgid; NULL for ior itself, never traced. */
static __always_inline struct ior_filter *ior_filters_for(__u32 tgid)
{
	__u32 zero = 0;

	if (tgid == ior_settings.self_tgid)
		return NULL;
	return bpf_map_lookup_elem(&ior_filter, &zero);
}

/* The run-time filters, cheapest test first. A rejection is counted (except ior's own
 * calls), so a user can see that a filter works in the kernel. */
static __always_inline bool ior_wanted(__u32 tgid, __u32 tid)
{
	struct ior_filter *filter = ior_filters_for(tgid);

	if (!filter)
		return false;
	if (filter->tid && filter->tid != tid)
		goto rejected;
	if (filter->use_pid_set && !bpf_map_lookup_elem(&ior_pids, &tgid))
		goto rejected;
	if (filter->comm[0]) {
		char comm[IOR_COMM_LEN] __attribute__((aligned(8))) = {};

		bpf_get_current_comm(comm, sizeof(comm));
		if (!ior_comm_equal(comm, filter->comm))
			goto rejected;
	}
	return true;
rejected:
	ior_count(IOR_CNT_REJECTED);
	return false;
}

/*
 * Whether a completed call becomes a record: a traced (and sampled) call at or above
 * the minimum latency does; one that is not, or too fast, still does (flagged
 * IOR_F_TRACK_ONLY) when it succeeded and changed the fd table, so user space never
 * misses an open, dup or close.
 */
static __always_inline bool ior_keep(const struct ior_syscall_conf *conf, bool traced, __u64 latency,
				     long ret, __u16 *flags)
{
	__u32 zero = 0;
	struct ior_filter *filter = bpf_map_lookup_elem(&ior_filter, &zero);
	bool fast = filter && latency < filter->min_latency_ns;

	if (traced && !fast)
		return true;
	if (conf->track && ret >= 0) {
		*flags |= IOR_F_TRACK_ONLY;
		return true;
	}
	if (traced)
		ior_count(IOR_CNT_FILTERED);
	return false;
}

/* The ring is drained in batches: no wakeup per record, only once a backlog of
 * ior_settings.wakeup_bytes builds up; the reader also wakes on its own short timeout. */
static __always_inline __u64 ior_wakeup_flag(void)
{
	return bpf_ringbuf_query(&ior_ring, BPF_RB_AVAIL_DATA) >= ior_settings.wakeup_bytes
		       ? BPF_RB_FORCE_WAKEUP
		       : BPF_RB_NO_WAKEUP;
}

/* Hands a record to the ring; whether it got there (else it is counted lost). */
static __always_inline bool ior_submit(void *record, __u64 size)
{
	if (bpf_ringbuf_output(&ior_ring, record, size, ior_wakeup_flag()) == 0) {
		ior_count(IOR_CNT_EMITTED);
		return true;
	}
	ior_count(IOR_CNT_LOST_RINGBUF);
	return false;
}

static __always_inline struct ior_scratch *ior_scratch_record(void)
{
	__u32 zero = 0;

	return bpf_map_lookup_elem(&ior_scratch, &zero);
}

/* Sets the truncated flag when a string filled the whole buffer (len counts the NUL)
 * and does not end there. */
static __always_inline __u16 ior_path_length(long len, const char *next_byte, bool user,
					     __u16 *flags, __u16 truncated_flag, __u16 fault_flag)
{
	char next = 0;

	if (len <= 0) {
		*flags |= fault_flag;
		return 0;
	}
	if (len == IOR_PATH_MAX) {
		if (user)
			bpf_probe_read_user(&next, 1, next_byte);
		else
			bpf_probe_read_kernel(&next, 1, next_byte);
		if (next)
			*flags |= truncated_flag;
	}
	return (__u16)(len - 1);
}

/*
 * Copies the user string at ptr into dst (at most IOR_PATH_MAX bytes, NUL included)
 * and returns its length without the NUL, setting the truncated or fault flag.
 */
static __always_inline __u16 ior_copy_path(char *dst, __u64 ptr, __u16 *flags,
					   __u16 truncated_flag, __u16 fault_flag)
{
	long len = bpf_probe_read_user_str(dst, IOR_PATH_MAX, (const void *)ptr);

	return ior_path_length(len, (const char *)ptr + IOR_PATH_MAX - 1, true, flags,
			       truncated_flag, fault_flag);
}

/* The same for a string in kernel memory. */
static __always_inline __u16 ior_copy_kernel_path(char *dst, const char *ptr, __u16 *flags)
{
	long len = bpf_probe_read_kernel_str(dst, IOR_PATH_MAX, ptr);

	return ior_path_length(len, ptr + IOR_PATH_MAX - 1, false, flags, IOR_F_PATH_TRUNCATED,
			       IOR_F_PATH_FAULT);
}

/* The open file behind fd in the current task's table, or NULL. */
static __always_inline struct file *ior_fd_file(long fd)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	struct file **fds;
	struct file *file = NULL;

	if (!fdt || fd < 0 || fd >= BPF_CORE_READ(fdt, max_fds))
		return NULL;
	fds = BPF_CORE_READ(fdt, fd);
	bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]);
	return file;
}

#ifdef IOR_FD_INODE
/* Makes a pointer read with a probe read a typed one again (Linux 6.2+); the object built
 * with IOR_FD_INODE is loaded only where the kernel has it. */
extern void *bpf_rdonly_cast(const void *obj, __u32 btf_id) __ksym;

/*
 * The inode number of the file behind fd in the current task's table, 0 when there is
 * none: direct loads through the task's BTF pointers to the fd array, one probe read of
 * the array slot, and direct loads again from the file once cast back to its type.
 */
static __always_inline __u64 ior_fd_inode(long fd)
{
	struct files_struct *files = bpf_get_current_task_btf()->files;
	struct fdtable *fdt;
	struct file **fds;
	struct file *file = NULL;

	if (!files)
		return 0;
	fdt = files->fdt;
	if (!fdt || fd < 0 || fd >= fdt->max_fds)
		return 0;
	fds = fdt->fd;
	bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]);
	if (!file)
		return 0;
	file = bpf_rdonly_cast(file, bpf_core_type_id_kernel(struct file));
	return file->f_inode->i_ino;
}
#else
/* Without the kfunc, fds are not identified: user space trusts its own fd tables. */
static __always_inline __u64 ior_fd_inode(long fd)
{
	return 0;
}
#endif

/*
 * Names the new fd a call returned, as /proc would (pipe:[ino], socket:[ino],
 * anon_inode:[eventfd]): its inode, its file system's magic, and its dentry name in
 * name. For a pair, the second fd's inode goes in the high half of ino. Returns the
 * name's length.
 */
static __always_inline __u16 ior_identify(struct ior_event *ev, char *name, long fd, long fd2)
{
	struct file *file = ior_fd_file(fd);
	struct file *file2;
	const unsigned char *dname;
	long len;

	if (!file)
		return 0;
	ev->ino = BPF_CORE_READ(file, f_inode, i_ino);
	ev->fs_magic = (__u32)BPF_CORE_READ(file, f_inode, i_sb, s_magic);
	if (fd2 >= 0) {
		file2 = ior_fd_file(fd2);
		ev->ino = (ev->ino & 0xffffffff) |
			  (file2 ? BPF_CORE_READ(file2, f_inode, i_ino) << 32 : 0);
	}
	dname = BPF_CORE_READ(file, f_path.dentry, d_name.name);
	len = bpf_probe_read_kernel_str(name, IOR_PATH_MAX, dname);
	ev->flags |= IOR_F_FD_IDENTITY;
	return len > 0 ? (__u16)(len - 1) : 0;
}

#endif
