/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The few kernel types ior's BPF program touches, declared by hand so the object
 * builds without the build host's kernel headers or BTF. Every struct carries
 * preserve_access_index: field offsets are relocated by libbpf (CO-RE) against the
 * running kernel's BTF, so only the field names and types have to be right here.
 */
#ifndef IOR_VMLINUX_MIN_H
#define IOR_VMLINUX_MIN_H

typedef signed char __s8;
typedef unsigned char __u8;
typedef short __s16;
typedef unsigned short __u16;
typedef int __s32;
typedef unsigned int __u32;
typedef long long __s64;
typedef unsigned long long __u64;
typedef __u16 __be16;
typedef __u32 __be32;
typedef __u32 __wsum;
typedef _Bool bool;
#define true 1
#define false 0
typedef int pid_t;

/* UAPI constants of linux/bpf.h that the program uses (stable ABI). */
enum bpf_map_type {
	BPF_MAP_TYPE_HASH = 1,
	BPF_MAP_TYPE_ARRAY = 2,
	BPF_MAP_TYPE_PERCPU_ARRAY = 6,
	BPF_MAP_TYPE_RINGBUF = 27,
	BPF_MAP_TYPE_TASK_STORAGE = 29,
};
enum {
	BPF_ANY = 0,
	BPF_NOEXIST = 1,
	BPF_F_NO_PREALLOC = 1,
	BPF_RB_NO_WAKEUP = 1,
	BPF_RB_FORCE_WAKEUP = 2,
	BPF_RB_AVAIL_DATA = 0,
	BPF_LOCAL_STORAGE_GET_F_CREATE = 1,
};

typedef struct {
	int counter;
} atomic_t;

struct pt_regs {
	unsigned long r15, r14, r13, r12, bp, bx, r11, r10, r9, r8;
	unsigned long ax, cx, dx, si, di, orig_ax, ip;
} __attribute__((preserve_access_index));

struct signal_struct {
	atomic_t live;
} __attribute__((preserve_access_index));

/* What names a new fd: files_struct -> fdtable -> file -> inode, dentry. */
struct super_block {
	unsigned long s_magic;
} __attribute__((preserve_access_index));

struct inode {
	unsigned long i_ino;
	struct super_block *i_sb;
} __attribute__((preserve_access_index));

struct qstr {
	const unsigned char *name;
} __attribute__((preserve_access_index));

struct dentry {
	struct qstr d_name;
} __attribute__((preserve_access_index));

struct path {
	struct dentry *dentry;
} __attribute__((preserve_access_index));

struct file {
	struct path f_path;
	struct inode *f_inode;
} __attribute__((preserve_access_index));

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
} __attribute__((preserve_access_index));

struct files_struct {
	struct fdtable *fdt;
} __attribute__((preserve_access_index));

struct task_struct {
	pid_t pid;
	pid_t tgid;
	char comm[16];
	struct task_struct *real_parent;
	struct signal_struct *signal;
	struct files_struct *files;
} __attribute__((preserve_access_index));

struct linux_binprm;

/* io_uring requests (io_uring/io_uring.h, io_uring/rw.c, io_uring/openclose.c). The
 * per-operation data lives at the start of the request (io_kiocb_to_cmd). */
struct io_ring_ctx;

struct io_cqe {
	__u64 user_data;
	__s32 res;
	union {
		__u32 flags;
		int fd;
	};
} __attribute__((preserve_access_index));

struct io_kiocb {
	__u8 opcode;
	__u64 flags; /* io_req_flags_t; sqe flags in the low byte */
	struct io_cqe cqe;
} __attribute__((preserve_access_index));

struct io_uring_cqe {
	__u64 user_data;
	__s32 res;
	__u32 flags;
} __attribute__((preserve_access_index));

struct io_rw {
	__u32 len;
} __attribute__((preserve_access_index));

struct filename {
	const char *name;
} __attribute__((preserve_access_index));

struct open_how {
	__u64 flags;
} __attribute__((preserve_access_index));

struct io_open {
	int dfd;
	__u32 file_slot;
	struct filename *filename;
	struct open_how how;
} __attribute__((preserve_access_index));

struct io_close {
	int fd;
	__u32 file_slot;
} __attribute__((preserve_access_index));

#endif
