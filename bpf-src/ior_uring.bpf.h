/* SPDX-License-Identifier: GPL-2.0 */
/*
 * io_uring operations as events: each request is remembered at submission
 * (tp_btf/io_uring_submit_req, in the submitting task) and emitted at its completion
 * (tp_btf/io_uring_complete, wherever that runs) as one IOR_KIND_URING record: the
 * opcode, the fd (or openat's dirfd and path), the requested length, the result and
 * the time from submission to completion. Included by ior.bpf.c.
 *
 * Record arguments (syscalls.tsv documents them for the io_uring:<op> rows):
 *   args[0] sqe fd (openat: dirfd; close: the fd closed)  args[1] user_data
 *   args[2] sqe length (rw operations)                     args[3] openat's open flags
 *   args[4] sqe flags (IOSQE_FIXED_FILE = 1)               args[5] openat/close fixed slot
 */
#ifndef IOR_URING_BPF_H
#define IOR_URING_BPF_H

/* UAPI opcodes whose request keeps its fd or path outside the sqe fd (stable ABI). */
#define IOR_OP_OPENAT 18
#define IOR_OP_CLOSE 19
#define IOR_OP_OPENAT2 28
/* REQ_F_CQE_SKIP: the request posts no completion when it succeeds (io_uring_types.h;
 * the REQ_F_ bits below 8 are the sqe flags, here IOSQE_CQE_SKIP_SUCCESS). */
#define IOR_REQ_F_CQE_SKIP (1ULL << 6)
/* IORING_CQE_F_MORE: a multishot request will complete again. */
#define IOR_CQE_F_MORE (1U << 1)

static __always_inline struct ior_syscall_conf *ior_uring_conf(__u32 opcode)
{
	struct ior_syscall_conf *conf = bpf_map_lookup_elem(&ior_uring_ops, &opcode);

	return conf && (conf->traced | conf->track) ? conf : NULL;
}

/* Copies openat's path (the kernel's copy, freed before completion) aside. */
static __always_inline void ior_uring_keep_path(__u64 id, const struct io_open *open,
						struct ior_uring_req *value)
{
	struct ior_scratch *scratch = ior_scratch_record();
	const char *name = BPF_CORE_READ(open, filename, name);

	if (!scratch)
		return;
	value->path_len = ior_copy_kernel_path(scratch->paths, name, &value->flags);
	if (value->path_len && bpf_map_update_elem(&ior_uring_paths, &id, scratch->paths, BPF_ANY)) {
		value->path_len = 0;
		value->flags |= IOR_F_PATH_FAULT;
	}
}

SEC("tp_btf/io_uring_submit_req")
int BPF_PROG(ior_uring_submit, struct io_kiocb *req)
{
	__u32 opcode = req->opcode;
	__u64 id = (__u64)req;
	struct ior_uring_req value = {};
	__u64 pid_tgid;

	if (!ior_uring_conf(opcode))
		return 0;
	if (req->flags & IOR_REQ_F_CQE_SKIP)
		return 0;
	pid_tgid = bpf_get_current_pid_tgid();
	if (!ior_wanted(pid_tgid >> 32, (__u32)pid_tgid))
		return 0;
	value.submit_ns = bpf_ktime_get_boot_ns();
	value.pid = pid_tgid >> 32;
	value.tid = (__u32)pid_tgid;
	value.opcode = opcode;
	bpf_get_current_comm(value.comm, sizeof(value.comm));
	value.args[1] = req->cqe.user_data;
	value.args[4] = req->flags & 0xff;
	if (opcode == IOR_OP_OPENAT || opcode == IOR_OP_OPENAT2) {
		const struct io_open *open = (const void *)req;

		value.args[0] = (__s64)BPF_CORE_READ(open, dfd);
		value.args[3] = BPF_CORE_READ(open, how.flags);
		value.args[5] = BPF_CORE_READ(open, file_slot);
		ior_uring_keep_path(id, open, &value);
	} else if (opcode == IOR_OP_CLOSE) {
		const struct io_close *close = (const void *)req;

		value.args[0] = (__s64)BPF_CORE_READ(close, fd);
		value.args[5] = BPF_CORE_READ(close, file_slot);
	} else {
		value.args[0] = (__s64)req->cqe.fd;
		value.args[2] = BPF_CORE_READ((const struct io_rw *)req, len);
	}
	if (bpf_map_update_elem(&ior_uring_inflight, &id, &value, BPF_ANY)) {
		ior_count(IOR_CNT_LOST_URING);
		/* no completion will find the path kept aside: do not leave it behind */
		if (value.path_len)
			bpf_map_delete_elem(&ior_uring_paths, &id);
	}
	return 0;
}

SEC("tp_btf/io_uring_complete")
int BPF_PROG(ior_uring_complete, struct io_ring_ctx *ring, void *req, struct io_uring_cqe *cqe)
{
	__u64 id = (__u64)req;
	struct ior_uring_req *value = bpf_map_lookup_elem(&ior_uring_inflight, &id);
	struct ior_syscall_conf *conf;
	struct ior_scratch *scratch;
	struct ior_event *ev;
	struct ior_uring_path *path;
	__u16 flags, len;
	__u64 latency;
	long res;

	if (!value)
		return 0;
	res = cqe->res;
	flags = value->flags;
	latency = bpf_ktime_get_boot_ns() - value->submit_ns;
	conf = ior_uring_conf(value->opcode);
	if (conf && ior_keep(conf, conf->traced, latency, res, &flags) && (scratch = ior_scratch_record())) {
		ev = &scratch->ev;
		ev->start_ns = value->submit_ns;
		ev->latency_ns = latency;
		ev->gap_ns = 0;
		ev->ret = res;
		__builtin_memcpy(ev->args, value->args, sizeof(ev->args));
		ev->ino = 0;
		ev->fs_magic = 0;
		ev->pid = value->pid;
		ev->tid = value->tid;
		__builtin_memcpy(ev->comm, value->comm, sizeof(ev->comm));
		ev->kind = IOR_KIND_URING;
		ev->nr = value->opcode;
		ev->flags = flags;
		ev->restarts = 0;
		len = value->path_len & (IOR_PATH_MAX - 1);
		path = len ? bpf_map_lookup_elem(&ior_uring_paths, &id) : NULL;
		if (!path || bpf_probe_read_kernel(scratch->paths, len, path->name))
			len = 0;
		ev->path_len = len;
		ev->path2_len = 0;
		ior_submit(scratch, sizeof(*ev) + len);
	}
	if (!(cqe->flags & IOR_CQE_F_MORE)) {
		bpf_map_delete_elem(&ior_uring_inflight, &id);
		bpf_map_delete_elem(&ior_uring_paths, &id);
	}
	return 0;
}

#endif
