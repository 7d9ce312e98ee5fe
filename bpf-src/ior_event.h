/* SPDX-License-Identifier: GPL-2.0 OR Apache-2.0 */
/*
 * The contract between ior's BPF program and its Java side: the ring-buffer record,
 * the counters and the settings maps. This one header is compiled into the BPF
 * object and run through jextract for the Java layouts, so the two sides cannot
 * drift apart. Only append fields; Java reads offsets from the generated layouts.
 */
#ifndef IOR_EVENT_H
#define IOR_EVENT_H

/* The BPF side gets the __uN types from vmlinux_min.h; everyone else from UAPI. */
#ifndef IOR_VMLINUX_MIN_H
#include <linux/types.h>
#endif

#define IOR_COMM_LEN 16
/* Bytes copied per path string, NUL included; longer paths are flagged truncated. */
#define IOR_PATH_MAX 1024
/* Size of the per-syscall settings array, indexed by the kernel's syscall number. */
#define IOR_MAX_SYSCALL_NR 1024
/* Size of the per-operation settings array of io_uring, indexed by IORING_OP_ (a u8). */
#define IOR_URING_OPS 256

/* What a ring record describes. */
enum ior_event_kind {
	IOR_KIND_SYSCALL = 1, /* one completed syscall, enter and exit paired */
	IOR_KIND_FORK = 2,    /* a new process: args[0] = parent tgid */
	IOR_KIND_EXEC = 3,    /* a process replaced its image: comm is the new one */
	IOR_KIND_EXIT = 4,    /* the last thread of a process exited */
	IOR_KIND_URING = 5,   /* one io_uring request, submission to completion: nr is the
			       * IORING_OP_, args as syscalls.tsv describes for io_uring rows */
};

/* Bits of ior_event.flags. */
enum ior_event_flag {
	IOR_F_PATH_TRUNCATED = 1 << 0,  /* path longer than IOR_PATH_MAX - 1 bytes */
	IOR_F_PATH2_TRUNCATED = 1 << 1,
	IOR_F_PATH_FAULT = 1 << 2,      /* the path pointer could not be read */
	IOR_F_PATH2_FAULT = 1 << 3,
	IOR_F_NO_RETURN = 1 << 4,       /* emitted at entry: the call never returns (exit,
					 * exit_group, rt_sigreturn): no latency, ret 0 */
	IOR_F_TRACK_ONLY = 1 << 5,      /* not selected (or below the minimum latency) but
					 * it changed the fd table: user space applies it and
					 * does not show it */
	IOR_F_FD_IDENTITY = 1 << 6,     /* ino, fs_magic and the first path (the dentry
					 * name) describe the new fd the call returned; for
					 * a pair (pipe2, socketpair) ino holds the two inode
					 * numbers as u32 halves, first fd low */
	IOR_F_FD_INODE = 1 << 7,        /* ino is the inode of the file behind the record's
					 * fd (ior_syscall_conf.inode_fd), read at exit: user
					 * space rejects an fd name whose inode differs */
};

/* ior_syscall_conf.inode_fd naming the fd a call returned (opens, dups). */
#define IOR_INODE_OF_RET 7

/*
 * One ring-buffer record. The payload is this header followed by path_len bytes of
 * the first path and path2_len bytes of the second (no NULs), so a record is only as
 * long as its strings. Records are 8-byte aligned by the ring buffer itself.
 */
struct ior_event {
	__u64 start_ns;   /* CLOCK_BOOTTIME at sys_enter */
	__u64 latency_ns; /* sys_exit - sys_enter */
	__u64 gap_ns;     /* sys_enter - this thread's previous traced sys_exit; 0 = none */
	__s64 ret;        /* raw return value: -errno on failure */
	__u64 args[6];    /* raw syscall arguments (a dereferenced one for deref_arg) */
	__u64 ino;        /* with IOR_F_FD_IDENTITY: inode of the new fd; else 0 */
	__u32 pid;        /* tgid */
	__u32 tid;
	char comm[IOR_COMM_LEN];
	__u16 kind;       /* enum ior_event_kind */
	__u16 nr;         /* the kernel's syscall number on this architecture */
	__u16 flags;      /* enum ior_event_flag */
	__u16 restarts;   /* times the call was interrupted with a restart code and executed
			   * again: one record for all, from the first entry to the last exit */
	__u16 path_len;   /* bytes of the first path after this header */
	__u16 path2_len;  /* bytes of the second path after the first */
	__u32 fs_magic;   /* with IOR_F_FD_IDENTITY: the new fd's file-system magic */
};

/* Indexes of the per-CPU counters array (map ior_counters). */
enum ior_counter {
	IOR_CNT_EMITTED = 0,        /* records committed to the ring */
	IOR_CNT_LOST_RINGBUF = 1,   /* records dropped: the ring was full */
	IOR_CNT_LOST_STORAGE = 2,   /* enters dropped: no per-thread slot could be made */
	IOR_CNT_UNMATCHED_EXIT = 3, /* exits whose enter was not seen: a call seccomp denied (its
				     * enter tracepoint never runs), or one in flight at attach;
				     * not a loss, no call was traced */
	IOR_CNT_FILTERED = 4,       /* completed calls dropped by the minimum latency */
	IOR_CNT_REJECTED = 5,       /* traced calls dropped at entry by the pid, tid or comm filter */
	IOR_CNT_LOST_URING = 6,     /* io_uring requests dropped: the in-flight map was full */
	IOR_CNT_LOST_FOLLOW = 7,    /* forked children not followed: the pid set was full */
	IOR_CNT__COUNT = 8,
};

/* Run-time filters (map ior_filter, one entry), changeable while attached. */
struct ior_filter {
	__u32 use_pid_set;    /* 1: only processes in map ior_pids */
	__u32 tid;            /* 0 = any thread */
	__u64 min_latency_ns; /* drop completed calls faster than this */
	char comm[IOR_COMM_LEN]; /* exact comm; empty = any */
	__u32 follow;         /* 1: a process in ior_pids that forks puts its child there too */
	__u32 reserved;
};

/* Values of map ior_pids: who put the process there. */
enum ior_pid_origin {
	IOR_PID_NAMED = 1,    /* user space (--pid): stays until user space removes it */
	IOR_PID_FOLLOWED = 2, /* the kernel side, at fork (--follow): removed when it exits */
};

/* Per syscall number calls and records of sampled syscalls (map ior_sampled, per CPU):
 * counted only for syscalls whose sample is not 1, so the totals are exact whatever is
 * emitted. */
struct ior_sample_count {
	__u64 calls;   /* traced calls that passed the process filters */
	__u64 emitted; /* of those, the ones whose record went to the ring */
};

/* Read-only settings (map .rodata.ior), written by the loader between open and load. */
struct ior_settings {
	__u32 self_tgid;     /* ior's own process: never traced */
	__u32 reserved;
	__u64 wakeup_bytes;  /* wake the reader once this much is queued */
};

/* Per syscall number settings (map ior_syscalls) and per io_uring operation (map
 * ior_uring_ops, which reads only traced and track), written by Java from the table. */
struct ior_syscall_conf {
	__u8 traced;    /* 1: pair and emit this syscall */
	__u8 path_arg;  /* 1-based argument holding a user path string; 0 = none */
	__u8 path2_arg; /* 1-based argument holding a second path; 0 = none */
	__u8 deref_arg; /* 1-based argument pointing at a u64 to copy instead (openat2 how) */
	__u8 track;     /* 1: a successful call changes the fd table or cwd: emit it even
			 * when not traced or faster than the minimum latency, flagged
			 * IOR_F_TRACK_ONLY, so user space keeps every fd table right */
	__u8 fd_ident;  /* 1: identify the new fd ret; 2: the two fds of the deref'd int[2] */
	__u8 no_return; /* 1: the call does not return to its caller: emitted at entry */
	__u8 restart;   /* 1: restart_syscall, watched even when not traced: it resumes an
			 * interrupted call, which is folded into that call's record */
	__u8 inode_fd;  /* whose inode the record carries (IOR_F_FD_INODE): 1-based argument
			 * of the fd the call acts on, IOR_INODE_OF_RET for the fd it returned,
			 * 0 = none */
	__u8 reserved[3];
	__u32 sample;   /* 1: emit every traced call; N > 1: about one call in N, chosen at
			 * random; 0: emit none. Other than 1, calls are counted in ior_sampled */
};

#endif
