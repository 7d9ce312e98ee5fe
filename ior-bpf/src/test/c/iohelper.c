// SPDX-License-Identifier: Apache-2.0
/*
 * A process whose syscalls are known exactly, for ior's tests against the real
 * kernel. It prints "ready PID", waits for one line on stdin (so the test can attach
 * first), runs one scenario with raw syscalls (libc adds nothing), prints what the
 * test needs to know as "key value" lines, then "done", and exits. A scenario that
 * pauses prints "paused" and waits for the next line. Its last traced call is a
 * faccessat of END_MARKER, so a test knows when it has seen every event.
 *
 *   iohelper SCENARIO [ARG...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <fcntl.h>
#include <liburing.h>
#include <linux/aio_abi.h>
#include <linux/openat2.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define END_MARKER "/iohelper-end"

static char buf[1 << 16];

static long sys6(long nr, long a, long b, long c, long d, long e, long f)
{
	long rc = syscall(nr, a, b, c, d, e, f);
	return rc < 0 ? -errno : rc;
}

static long sys(long nr, long a, long b, long c, long d)
{
	return sys6(nr, a, b, c, d, 0, 0);
}

static void fact(const char *key, long value)
{
	printf("%s %ld\n", key, value);
	fflush(stdout);
}

static void text(const char *key, const char *value)
{
	printf("%s %s\n", key, value);
	fflush(stdout);
}

/* What /proc shows for one of this process's fds, as the fact "link<fd>". */
static void fd_link(long fd)
{
	char path[64], target[512], key[32];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/self/fd/%ld", fd);
	n = readlink(path, target, sizeof(target) - 1);
	target[n < 0 ? 0 : n] = 0;
	snprintf(key, sizeof(key), "link%ld", fd);
	text(key, target);
}

static long inode(long fd)
{
	struct stat st;

	return fstat(fd, &st) ? -1 : (long)st.st_ino;
}

/* Lets the test act (attach, change filters) before the scenario goes on. */
static void pause_for_go(void)
{
	char line[64];

	printf("paused\n");
	fflush(stdout);
	if (read(0, line, sizeof(line)) <= 0)
		exit(1);
}

static long open_rw(const char *path)
{
	return sys(SYS_openat, AT_FDCWD, (long)path, O_CREAT | O_RDWR, 0600);
}

/* openat, 4 x write 1024, lseek, 2 x read 2048, close */
static int spine(char **argv)
{
	long fd = sys(SYS_openat, AT_FDCWD, (long)argv[0], O_CREAT | O_RDWR | O_TRUNC, 0600);

	fact("fd", fd);
	memset(buf, 'a', 4096);
	for (int i = 0; i < 4; i++)
		sys(SYS_write, fd, (long)buf, 1024, 0);
	sys(SYS_lseek, fd, 0, SEEK_SET, 0);
	for (int i = 0; i < 2; i++)
		sys(SYS_read, fd, (long)buf, 2048, 0);
	sys(SYS_close, fd, 0, 0, 0);
	return 0;
}

/* openat of a path that does not exist */
static int missing(char **argv)
{
	fact("ret", sys(SYS_openat, AT_FDCWD, (long)argv[0], O_RDONLY, 0));
	return 0;
}

/* open, creat, openat (O_CLOEXEC), openat2 of DIR/a..d; then each fd closed */
static int opens(char **argv)
{
	char a[512], b[512], c[512], d[512];
	struct open_how how = { .flags = O_CREAT | O_RDWR, .mode = 0600 };
	long fds[4];

	snprintf(a, sizeof(a), "%s/a", argv[0]);
	snprintf(b, sizeof(b), "%s/b", argv[0]);
	snprintf(c, sizeof(c), "%s/c", argv[0]);
	snprintf(d, sizeof(d), "%s/d", argv[0]);
	fds[0] = sys(SYS_open, (long)a, O_CREAT | O_WRONLY, 0600, 0);
	fds[1] = sys(SYS_creat, (long)b, 0600, 0, 0);
	fds[2] = sys(SYS_openat, AT_FDCWD, (long)c, O_CREAT | O_RDWR | O_CLOEXEC, 0600);
	fds[3] = sys(SYS_openat2, AT_FDCWD, (long)d, (long)&how, sizeof(how));
	fact("open", fds[0]);
	fact("creat", fds[1]);
	fact("openat", fds[2]);
	fact("openat2", fds[3]);
	for (int i = 0; i < 4; i++)
		sys(SYS_close, fds[i], 0, 0, 0);
	return 0;
}

/* The write family, then the read family, on one file; byte counts as facts. */
static int readwrite(char **argv)
{
	long fd = sys(SYS_openat, AT_FDCWD, (long)argv[0], O_CREAT | O_RDWR | O_TRUNC, 0600);
	struct iovec two[2] = { { buf, 10 }, { buf + 10, 20 } };
	struct iovec one[1] = { { buf, 7 } };
	struct iovec five[2] = { { buf, 5 }, { buf + 5, 5 } };

	memset(buf, 'w', sizeof(buf));
	fact("fd", fd);
	fact("write", sys(SYS_write, fd, (long)buf, 100, 0));
	fact("pwrite64", sys(SYS_pwrite64, fd, (long)buf, 50, 100));
	fact("writev", sys(SYS_writev, fd, (long)two, 2, 0));
	fact("pwritev", sys6(SYS_pwritev, fd, (long)five, 2, 150, 0, 0));
	fact("pwritev2", sys6(SYS_pwritev2, fd, (long)one, 1, 160, 0, 0));
	sys(SYS_lseek, fd, 0, SEEK_SET, 0);
	fact("read", sys(SYS_read, fd, (long)buf, 64, 0));
	fact("pread64", sys(SYS_pread64, fd, (long)buf, 16, 0));
	fact("readv", sys(SYS_readv, fd, (long)two, 2, 0));
	fact("preadv", sys6(SYS_preadv, fd, (long)five, 1, 0, 0, 0));
	fact("preadv2", sys6(SYS_preadv2, fd, (long)one, 1, 0, 0, 0));
	sys(SYS_lseek, fd, 0, SEEK_END, 0);
	fact("eof", sys(SYS_read, fd, (long)buf, 64, 0));
	sys(SYS_close, fd, 0, 0, 0);
	return 0;
}

/* sendfile, copy_file_range and splice through a pipe, from SRC (1000 bytes) to DST */
static int transfer(char **argv)
{
	long src = open_rw(argv[0]), dst = open_rw(argv[1]);
	int pipefd[2];
	loff_t off = 0;

	memset(buf, 's', 1000);
	sys(SYS_pwrite64, src, (long)buf, 1000, 0);
	sys(SYS_pipe2, (long)pipefd, 0, 0, 0);
	fact("src", src);
	fact("dst", dst);
	fact("pipe_r", pipefd[0]);
	fact("pipe_w", pipefd[1]);
	fact("pipe_ino", inode(pipefd[0]));
	fact("sendfile", sys(SYS_sendfile, dst, src, (long)&off, 300));
	off = 300;
	fact("copy_file_range", sys6(SYS_copy_file_range, src, (long)&off, dst, 0, 200, 0));
	off = 500;
	fact("splice_in", sys6(SYS_splice, src, (long)&off, pipefd[1], 0, 100, 0));
	fact("splice_out", sys6(SYS_splice, pipefd[0], 0, dst, 0, 100, 0));
	return 0;
}

/* dup, dup2, dup3, F_DUPFD(_CLOEXEC) of one fd, failed dups, one write through each */
static int dups(char **argv)
{
	long fd = open_rw(argv[0]);
	long copies[5];

	copies[0] = sys(SYS_dup, fd, 0, 0, 0);
	copies[1] = sys(SYS_dup2, fd, 20, 0, 0);
	copies[2] = sys(SYS_dup3, fd, 21, O_CLOEXEC, 0);
	copies[3] = sys(SYS_fcntl, fd, F_DUPFD, 30, 0);
	copies[4] = sys(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 40, 0);
	fact("fd", fd);
	fact("dup", copies[0]);
	fact("bad_dup", sys(SYS_dup, 999, 0, 0, 0));
	fact("bad_dup2", sys(SYS_dup2, 999, 22, 0, 0));
	sys(SYS_close, fd, 0, 0, 0);
	for (int i = 0; i < 5; i++)
		sys(SYS_write, copies[i], (long)"x", 1, 0);
	fact("bad_write", sys(SYS_write, 22, (long)"x", 1, 0));
	return 0;
}

/* three opens; close one, close_range the other two; a write to a closed fd */
static int closes(char **argv)
{
	long a = open_rw(argv[0]), b = open_rw(argv[0]), c = open_rw(argv[0]);

	fact("a", a);
	fact("b", b);
	fact("c", c);
	sys(SYS_close, a, 0, 0, 0);
	sys(SYS_close_range, b, c, 0, 0);
	fact("closed_write", sys(SYS_write, b, (long)"x", 1, 0));
	return 0;
}

/* fd inherited by a child, which writes and closes it; the parent writes after */
static int forked(char **argv)
{
	long fd = open_rw(argv[0]);
	pid_t child;

	fact("fd", fd);
	child = fork();
	if (child == 0) {
		sys(SYS_write, fd, (long)"c", 1, 0);
		sys(SYS_close, fd, 0, 0, 0);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	fact("child", child);
	fact("parent_write", sys(SYS_write, fd, (long)"pp", 2, 0));
	return 0;
}

/* parent and child each open their own file and get the same fd number */
static int samefd(char **argv)
{
	int sync[2];
	pid_t child;
	long fd;

	if (pipe(sync))
		return 1;
	child = fork();
	if (child == 0) {
		fd = open_rw(argv[1]);
		sys(SYS_write, fd, (long)"child", 5, 0);
		sys(SYS_write, sync[1], (long)"k", 1, 0);
		_exit(0);
	}
	sys(SYS_read, sync[0], (long)buf, 1, 0);
	fd = open_rw(argv[0]);
	sys(SYS_write, fd, (long)"par", 3, 0);
	waitpid(child, NULL, 0);
	fact("fd", fd);
	fact("child", child);
	return 0;
}

static long thread_fd;
static long thread_tid;

static void *thread_write(void *arg)
{
	(void)arg;
	thread_tid = syscall(SYS_gettid);
	sys(SYS_write, thread_fd, (long)"thread", 6, 0);
	return NULL;
}

/* the main thread opens, a second thread writes */
static int threaded(char **argv)
{
	pthread_t thread;

	thread_fd = open_rw(argv[0]);
	pthread_create(&thread, NULL, thread_write, NULL);
	pthread_join(thread, NULL);
	fact("fd", thread_fd);
	fact("tid", thread_tid);
	return 0;
}

/* three fds, two of them close-on-exec (O_CLOEXEC, F_SETFD), then exec of LINK */
static int execs(char **argv)
{
	char keep[16], drop[16], set[16];
	long k = open_rw(argv[0]);
	long d = sys(SYS_openat, AT_FDCWD, (long)argv[0], O_RDWR | O_CLOEXEC, 0);
	long s = open_rw(argv[0]);

	sys(SYS_fcntl, s, F_SETFD, FD_CLOEXEC, 0);
	fact("keep", k);
	fact("drop", d);
	fact("set", s);
	snprintf(keep, sizeof(keep), "%ld", k);
	snprintf(drop, sizeof(drop), "%ld", d);
	snprintf(set, sizeof(set), "%ld", s);
	execl(argv[1], argv[1], "afterexec", keep, drop, set, (char *)NULL);
	return 1;
}

/* the exec'd image of execs: one write through each fd */
static int afterexec(char **argv)
{
	fact("pid", getpid());
	fact("keep_write", sys(SYS_write, atol(argv[0]), (long)"k", 1, 0));
	fact("drop_write", sys(SYS_write, atol(argv[1]), (long)"d", 1, 0));
	fact("set_write", sys(SYS_write, atol(argv[2]), (long)"s", 1, 0));
	return 0;
}

/* relative, dirfd, AT_EMPTY_PATH and NULL paths; rename, link, symlink; a missing
 * file; a path longer than ior copies */
static int paths(char **argv)
{
	struct stat st;
	char longpath[1200];
	long rel, dir, x, w;

	sys(SYS_chdir, (long)argv[0], 0, 0, 0);
	rel = sys(SYS_openat, AT_FDCWD, (long)"rel.txt", O_CREAT | O_RDWR, 0600);
	sys(SYS_mkdir, (long)"sub", 0700, 0, 0);
	dir = sys(SYS_open, (long)"sub", O_DIRECTORY | O_RDONLY, 0, 0);
	x = sys(SYS_openat, dir, (long)"x.txt", O_CREAT | O_RDWR, 0600);
	fact("rel", rel);
	fact("dir", dir);
	fact("x", x);
	sys(SYS_newfstatat, x, (long)"", (long)&st, AT_EMPTY_PATH);
	sys(SYS_rename, (long)"rel.txt", (long)"sub/renamed.txt", 0, 0);
	sys(SYS_renameat, dir, (long)"x.txt", AT_FDCWD, (long)"y.txt");
	sys(SYS_link, (long)"y.txt", (long)"z.txt", 0, 0);
	sys(SYS_symlink, (long)"y.txt", (long)"s.txt", 0, 0);
	fact("missing", sys(SYS_stat, (long)"missing", (long)&st, 0, 0));
	sys(SYS_unlinkat, dir, (long)"renamed.txt", 0, 0);
	sys(SYS_fchdir, dir, 0, 0, 0);
	w = sys(SYS_openat, AT_FDCWD, (long)"w.txt", O_CREAT | O_RDWR, 0600);
	fact("w", w);
	sys(SYS_utimensat, w, 0, 0, 0);
	for (int i = 0; i < (int)sizeof(longpath) - 8; i += 2)
		memcpy(longpath + i, "./", 2);
	strcpy(longpath + sizeof(longpath) - 8, "nofile");
	fact("long", sys(SYS_openat, AT_FDCWD, (long)longpath, O_RDONLY, 0));
	return 0;
}

/* mmap of a file, anonymous mmaps (one naming an fd, which the kernel ignores), msync, munmap */
static int mmaps(char **argv)
{
	long fd = open_rw(argv[0]);
	long file, anon, anon_fd;

	sys(SYS_ftruncate, fd, 4096, 0, 0);
	file = sys6(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	anon = sys6(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	anon_fd = sys6(SYS_mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, fd, 0);
	fact("fd", fd);
	fact("file_map", file > 0);
	fact("anon_map", anon > 0 && anon_fd > 0);
	sys(SYS_msync, file, 4096, MS_SYNC, 0);
	sys(SYS_munmap, file, 4096, 0, 0);
	sys(SYS_munmap, anon, 4096, 0, 0);
	sys(SYS_munmap, anon_fd, 4096, 0, 0);
	return 0;
}

/* the sync, cache and size calls on one fd */
static int syncs(char **argv)
{
	long fd = open_rw(argv[0]);

	fact("fd", fd);
	sys(SYS_write, fd, (long)"0123456789", 10, 0);
	sys(SYS_fsync, fd, 0, 0, 0);
	sys(SYS_fdatasync, fd, 0, 0, 0);
	sys(SYS_sync_file_range, fd, 0, 10, SYNC_FILE_RANGE_WRITE);
	sys(SYS_syncfs, fd, 0, 0, 0);
	sys(SYS_sync, 0, 0, 0, 0);
	sys(SYS_fallocate, fd, 0, 0, 4096);
	sys(SYS_ftruncate, fd, 100, 0, 0);
	sys(SYS_fadvise64, fd, 0, 0, POSIX_FADV_DONTNEED);
	sys(SYS_readahead, fd, 0, 100, 0);
	return 0;
}

static long preopened_fd = -1;

/* an fd opened before "ready" (before ior attached), written after "go" */
static int preopened(char **argv)
{
	(void)argv;
	fact("fd", preopened_fd);
	fact("write", sys(SYS_write, preopened_fd, (long)"pre", 3, 0));
	return 0;
}

/* fds that are not files: a pipe, sockets, an eventfd, a memfd, a timerfd, an epoll;
 * an fcntl on each, and what /proc shows for each as "link<fd>" */
static int fdkinds(char **argv)
{
	int p[2], sv[2];
	long fds[9];

	(void)argv;
	sys(SYS_pipe2, (long)p, O_CLOEXEC, 0, 0);
	fds[0] = p[0];
	fds[1] = p[1];
	fds[2] = sys(SYS_socket, AF_UNIX, SOCK_STREAM, 0, 0);
	sys(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, (long)sv);
	fds[3] = sv[0];
	fds[4] = sv[1];
	fds[5] = sys(SYS_eventfd2, 0, 0, 0, 0);
	fds[6] = sys(SYS_memfd_create, (long)"ior-memfd", 0, 0, 0);
	fds[7] = sys(SYS_timerfd_create, CLOCK_MONOTONIC, 0, 0, 0);
	fds[8] = sys(SYS_epoll_create1, 0, 0, 0, 0);
	for (int i = 0; i < 9; i++) {
		fd_link(fds[i]);
		sys(SYS_fcntl, fds[i], F_GETFL, 0, 0);
	}
	for (int i = 0; i < 9; i++) {
		char key[8];

		snprintf(key, sizeof(key), "fd%d", i);
		fact(key, fds[i]);
	}
	pause_for_go(); /* alive while ior reads what only /proc knows (the memfd's name) */
	return 0;
}

static long uring_run(struct io_uring *ring)
{
	struct io_uring_cqe *cqe;
	long res;

	io_uring_submit(ring);
	if (io_uring_wait_cqe(ring, &cqe))
		return -1;
	res = cqe->res;
	io_uring_cqe_seen(ring, cqe);
	return res;
}

/* io_uring: write, read and fsync of FILE, openat of FILE2, a write to it, its close */
static int uring(char **argv)
{
	struct io_uring ring;
	long fd = open_rw(argv[0]);
	long fd2;

	memset(buf, 'u', 4096);
	if (io_uring_queue_init(8, &ring, 0))
		return 1;
	fact("ring", ring.ring_fd);
	fact("fd", fd);
	io_uring_prep_write(io_uring_get_sqe(&ring), fd, buf, 100, 0);
	fact("write", uring_run(&ring));
	io_uring_prep_read(io_uring_get_sqe(&ring), fd, buf, 64, 0);
	fact("read", uring_run(&ring));
	io_uring_prep_fsync(io_uring_get_sqe(&ring), fd, 0);
	fact("fsync", uring_run(&ring));
	io_uring_prep_openat(io_uring_get_sqe(&ring), AT_FDCWD, argv[1], O_CREAT | O_RDWR | O_CLOEXEC, 0600);
	fd2 = uring_run(&ring);
	fact("fd2", fd2);
	io_uring_prep_write(io_uring_get_sqe(&ring), fd2, buf, 10, 0);
	fact("write2", uring_run(&ring));
	io_uring_prep_close(io_uring_get_sqe(&ring), fd2);
	fact("close", uring_run(&ring));
	io_uring_queue_exit(&ring);
	return 0;
}

/* Linux native aio, raw: one pwrite submitted and reaped */
static int aio(char **argv)
{
	long fd = open_rw(argv[0]);
	aio_context_t ctx = 0;
	struct iocb cb = { 0 };
	struct iocb *cbs[1] = { &cb };
	struct io_event events[1];

	memset(buf, 'a', 512);
	cb.aio_fildes = fd;
	cb.aio_lio_opcode = IOCB_CMD_PWRITE;
	cb.aio_buf = (unsigned long)buf;
	cb.aio_nbytes = 512;
	fact("fd", fd);
	fact("setup", sys(SYS_io_setup, 8, (long)&ctx, 0, 0));
	fact("submit", sys(SYS_io_submit, ctx, 1, (long)cbs, 0));
	fact("getevents", sys6(SYS_io_getevents, ctx, 1, 1, (long)events, 0, 0));
	fact("res", events[0].res);
	fact("destroy", sys(SYS_io_destroy, ctx, 0, 0, 0));
	return 0;
}

/* takes the comm NAME, then COUNT writes of one byte to FILE */
static int named(char **argv)
{
	long fd = open_rw(argv[2]);
	long count = atol(argv[1]);

	fact("fd", fd);
	for (long i = 0; i < count; i++)
		sys(SYS_write, fd, (long)"n", 1, 0);
	return 0;
}

/* five writes, a pause (the test changes the probe set), five writes and five pwrites */
static int phases(char **argv)
{
	long fd = open_rw(argv[0]);

	fact("fd", fd);
	for (int i = 0; i < 5; i++)
		sys(SYS_write, fd, (long)"1", 1, 0);
	pause_for_go();
	for (int i = 0; i < 5; i++) {
		sys(SYS_write, fd, (long)"2", 1, 0);
		sys(SYS_pwrite64, fd, (long)"2", 1, 0);
	}
	return 0;
}

/* one round of calls outside the FS family: 3 nanosleeps (Time), 4 getpids (Process),
 * 2 sends on a socket pair (Network) */
static void other_families(long sock)
{
	struct timespec ts = { 0, 1000 };

	for (int i = 0; i < 3; i++)
		sys(SYS_nanosleep, (long)&ts, 0, 0, 0);
	for (int i = 0; i < 4; i++)
		sys(SYS_getpid, 0, 0, 0, 0);
	for (int i = 0; i < 2; i++)
		sys6(SYS_sendto, sock, (long)"x", 1, 0, 0, 0);
}

/* a socket pair, a round of other families' calls, a pause (the test attaches families),
 * the same round again */
static int families(char **argv)
{
	int sv[2];

	(void)argv;
	fact("socketpair", sys(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, (long)sv));
	fact("fd", sv[0]);
	other_families(sv[0]);
	pause_for_go();
	other_families(sv[0]);
	return 0;
}

/* COUNT pwrite64s of one byte to FILE (sampled), then 300 lseeks (counted only) */
static int sampled(char **argv)
{
	long fd = open_rw(argv[0]);
	long count = atol(argv[1]);

	fact("fd", fd);
	for (long i = 0; i < count; i++)
		sys(SYS_pwrite64, fd, (long)"s", 1, i);
	for (int i = 0; i < 300; i++)
		sys(SYS_lseek, fd, 0, SEEK_SET, 0);
	return 0;
}

static void on_usr1(int sig)
{
	(void)sig; /* only interrupts: no syscall here */
}

/* sleeps ms milliseconds with a raw nanosleep */
static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	sys(SYS_nanosleep, (long)&ts, 0, 0, 0);
}

/*
 * Two calls that a signal interrupts and the kernel runs again: a read of a pipe
 * (ERESTARTSYS, restarted because the SIGUSR1 handler has SA_RESTART) and a 400 ms
 * nanosleep (ERESTART_RESTARTBLOCK, resumed through restart_syscall after SIGSTOP and
 * SIGCONT). A child sends the signals and writes the byte the read waits for.
 */
static int restarts(char **argv)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	pid_t parent = getpid(), child;
	int p[2];
	char byte;

	(void)argv;
	sigaction(SIGUSR1, &sa, NULL);
	if (pipe(p))
		return 1;
	fact("fd", p[0]);
	child = fork();
	if (child == 0) {
		sleep_ms(150);
		kill(parent, SIGUSR1);
		sleep_ms(150);
		sys(SYS_write, p[1], (long)"x", 1, 0);
		sleep_ms(100);
		kill(parent, SIGSTOP);
		sleep_ms(100);
		kill(parent, SIGCONT);
		_exit(0);
	}
	fact("read", sys(SYS_read, p[0], (long)&byte, 1, 0));
	sleep_ms(400);
	waitpid(child, NULL, 0);
	return 0;
}

/* a process whose child forks a grandchild that makes COUNT one-byte writes to FILE */
static int grandchild(char **argv)
{
	long count = atol(argv[1]);
	pid_t child = fork();

	if (child == 0) {
		pid_t grandchild = fork();

		if (grandchild == 0) {
			long fd = open_rw(argv[0]);

			for (long i = 0; i < count; i++)
				sys(SYS_write, fd, (long)"g", 1, 0);
			_exit(0);
		}
		waitpid(grandchild, NULL, 0);
		_exit(0);
	}
	waitpid(child, NULL, 0);
	fact("child", child);
	return 0;
}

/* COUNT fchmods that a seccomp filter denies with EPERM: their enter tracepoint never runs */
static int denied(char **argv)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_fchmod, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(code) / sizeof(code[0]), .filter = code };
	long count = atol(argv[0]);
	long last = 0;

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) || prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog))
		return 1;
	fact("filtered", 1); /* a traced call first: the thread's slot exists when the denials exit */
	for (long i = 0; i < count; i++)
		last = sys(SYS_fchmod, 0, 0600, 0, 0);
	fact("fchmod", last);
	return 0;
}

/*
 * An fd reused where the parent's fd table cannot show it: a child sharing the table
 * (CLONE_FILES, another process) closes A's fd and opens B on the same number; the
 * parent then writes to that fd, which names B.
 */
static int sharedfds(char **argv)
{
	long fd = open_rw(argv[0]);
	long child;

	fact("fd", fd);
	sys(SYS_write, fd, (long)"a", 1, 0);
	child = syscall(SYS_clone, CLONE_FILES | SIGCHLD, 0, 0, 0, 0);
	if (child == 0) {
		sys(SYS_close, fd, 0, 0, 0);
		open_rw(argv[1]); /* the lowest free fd: the one just closed */
		syscall(SYS_exit_group, 0);
	}
	waitpid(child, NULL, 0);
	fact("child", child);
	fact("written", sys(SYS_write, fd, (long)"b", 1, 0));
	pause_for_go(); /* alive while ior looks the fd up again in /proc */
	return 0;
}

/* N one-byte pwrites at increasing offsets (the flood), a pause, then 100 pwrites of
 * 1..100 bytes at offset 0, a millisecond apart (after the flood: any consumer keeps
 * up), and a tenth of a second before the exit */
static int flood(char **argv)
{
	struct timespec ms = { 0, 1000000 }, tenth = { 0, 100000000 };
	long fd = open_rw(argv[0]);
	long n = atol(argv[1]);

	fact("fd", fd);
	memset(buf, 'f', sizeof(buf));
	for (long i = 0; i < n; i++)
		sys6(SYS_pwrite64, fd, (long)buf, 1, i, 0, 0);
	pause_for_go();
	for (long i = 1; i <= 100; i++) {
		sys6(SYS_pwrite64, fd, (long)buf, i, 0, 0, 0);
		nanosleep(&ms, NULL);
	}
	nanosleep(&tenth, NULL);
	return 0;
}

/* For SECONDS: 500 one-byte pwrites (the hot syscall), then one one-byte pread, over
 * and over as fast as they go. Facts: pwrites, preads. After go: FILE2 opened, then 200
 * times a one-byte pwrite and a one-byte pread of it, a millisecond apart. */
static int narrowflood(char **argv)
{
	struct timespec start, now, ms = { 0, 1000000 };
	long fd = open_rw(argv[0]), fd2;
	long seconds = atol(argv[2]), pwrites = 0, preads = 0;

	memset(buf, 'n', sizeof(buf));
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		for (long i = 0; i < 500; i++)
			sys6(SYS_pwrite64, fd, (long)buf, 1, i, 0, 0);
		sys6(SYS_pread64, fd, (long)buf, 1, 0, 0, 0);
		pwrites += 500;
		preads++;
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while ((now.tv_sec - start.tv_sec) * 1000000000L + now.tv_nsec - start.tv_nsec < seconds * 1000000000L);
	fact("pwrites", pwrites);
	fact("preads", preads);
	pause_for_go();
	fd2 = open_rw(argv[1]);
	for (long i = 0; i < 200; i++) {
		sys6(SYS_pwrite64, fd2, (long)buf, 1, i, 0, 0);
		sys6(SYS_pread64, fd2, (long)buf, 1, 0, 0, 0);
		nanosleep(&ms, NULL);
	}
	return 0;
}

/* N one-byte reads of an empty pipe submitted through one io_uring, all waiting at
 * once; then the pipe's write end is closed and every read completes with 0 (end of
 * file). Facts: submitted, completed, eof (completions that returned 0). */
static int uringflood(char **argv)
{
	long n = atol(argv[0]);
	struct io_uring ring;
	struct io_uring_params params = { .flags = IORING_SETUP_CQSIZE, .cq_entries = 65536 };
	struct io_uring_cqe *cqe;
	long submitted = 0, completed = 0, eof = 0;
	int p[2];

	if (pipe(p) || io_uring_queue_init_params(4096, &ring, &params))
		return 1;
	while (submitted < n) {
		struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);

		if (!sqe) {
			io_uring_submit(&ring);
			continue;
		}
		io_uring_prep_read(sqe, p[0], buf, 1, -1);
		submitted++;
	}
	io_uring_submit(&ring);
	fact("submitted", submitted);
	sys(SYS_close, p[1], 0, 0, 0);
	while (completed < n && io_uring_wait_cqe(&ring, &cqe) == 0) {
		eof += cqe->res == 0;
		io_uring_cqe_seen(&ring, cqe);
		completed++;
	}
	fact("completed", completed);
	fact("eof", eof);
	io_uring_queue_exit(&ring);
	return 0;
}

static void *thread_once(void *arg)
{
	sys(SYS_write, (long)arg, (long)"t", 1, 0);
	return NULL;
}

/* Starts COUNT threads (16 at a time) that each write one byte to fd and end. */
static void thread_storm(long fd, long count)
{
	pthread_t threads[16];

	for (long i = 0; i < count; i += 16) {
		int batch = count - i < 16 ? (int)(count - i) : 16;

		for (int t = 0; t < batch; t++)
			pthread_create(&threads[t], NULL, thread_once, (void *)fd);
		for (int t = 0; t < batch; t++)
			pthread_join(threads[t], NULL);
	}
}

/* One short-lived process: makes, writes, reads and removes FILES files of its own
 * under dir (named by its index), every fourth with a thread of its own, every tenth
 * ending by exec'ing /bin/true instead of exiting. */
static void churn_child(const char *dir, long index, int files)
{
	char path[512];

	for (int k = 0; k < files; k++) {
		long fd;

		snprintf(path, sizeof(path), "%s/c-%ld-%d", dir, index, k);
		fd = sys(SYS_openat, AT_FDCWD, (long)path, O_CREAT | O_RDWR | O_TRUNC, 0600);
		sys(SYS_write, fd, (long)buf, 64, 0);
		sys6(SYS_pread64, fd, (long)buf, 64, 0, 0, 0);
		sys(SYS_close, fd, 0, 0, 0);
		sys(SYS_unlinkat, AT_FDCWD, (long)path, 0, 0);
	}
	if (index % 4 == 0) {
		long null = sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_WRONLY, 0);

		thread_storm(null, 1);
	}
	if (index % 10 == 0)
		execl("/bin/true", "true", (char *)NULL);
	_exit(0);
}

/* Forks one child (churn_child) and waits for it; false when fork failed. */
static int churn_one(const char *dir, long index, int files)
{
	pid_t child = fork();

	if (child == 0)
		churn_child(dir, index, files);
	if (child < 0)
		return 0;
	waitpid(child, NULL, 0);
	return 1;
}

/* PROCS short-lived processes (churn_child, one file each), one after the other, then
 * THREADS short-lived threads of this process. Facts: processes, threads. */
static int churn(char **argv)
{
	long procs = atol(argv[1]), threads = atol(argv[2]);
	long made = 0;
	long null = sys(SYS_openat, AT_FDCWD, (long)"/dev/null", O_WRONLY, 0);

	for (long i = 0; i < procs; i++)
		made += churn_one(argv[0], i, 1);
	thread_storm(null, threads);
	fact("processes", made);
	fact("threads", threads);
	return 0;
}

/* For SECONDS: short-lived processes one after the other (churn_child, ten files each,
 * every path unique over the run). Facts: processes. */
static int soak(char **argv)
{
	long seconds = atol(argv[1]);
	struct timespec start, now;
	long made = 0;

	clock_gettime(CLOCK_MONOTONIC, &start);
	memset(buf, 's', 64);
	do {
		made += churn_one(argv[0], made, 10);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - start.tv_sec < seconds);
	fact("processes", made);
	return 0;
}

static int finish(int rc)
{
	sys(SYS_faccessat, AT_FDCWD, (long)END_MARKER, F_OK, 0);
	printf("done\n");
	fflush(stdout);
	return rc;
}

struct scenario {
	const char *name;
	int args;
	int (*run)(char **argv);
};

static const struct scenario scenarios[] = {
	{ "spine", 1, spine },
	{ "missing", 1, missing },
	{ "opens", 1, opens },
	{ "readwrite", 1, readwrite },
	{ "transfer", 2, transfer },
	{ "dups", 1, dups },
	{ "closes", 1, closes },
	{ "forked", 1, forked },
	{ "samefd", 2, samefd },
	{ "threaded", 1, threaded },
	{ "execs", 2, execs },
	{ "paths", 1, paths },
	{ "mmaps", 1, mmaps },
	{ "syncs", 1, syncs },
	{ "preopened", 1, preopened },
	{ "fdkinds", 0, fdkinds },
	{ "uring", 2, uring },
	{ "aio", 1, aio },
	{ "named", 3, named },
	{ "phases", 1, phases },
	{ "families", 0, families },
	{ "sampled", 2, sampled },
	{ "restarts", 0, restarts },
	{ "grandchild", 2, grandchild },
	{ "denied", 1, denied },
	{ "sharedfds", 2, sharedfds },
	{ "flood", 2, flood },
	{ "narrowflood", 3, narrowflood },
	{ "uringflood", 1, uringflood },
	{ "churn", 3, churn },
	{ "soak", 2, soak },
};

int main(int argc, char **argv)
{
	char line[64];

	if (argc < 2) {
		fprintf(stderr, "usage: iohelper SCENARIO [ARG...]\n");
		return 2;
	}
	if (!strcmp(argv[1], "afterexec") && argc == 5) /* no handshake: the test already said go */
		return finish(afterexec(argv + 2));
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		if (strcmp(argv[1], scenarios[i].name))
			continue;
		if (argc - 2 < scenarios[i].args) {
			fprintf(stderr, "iohelper: %s needs %d arguments\n", argv[1], scenarios[i].args);
			return 2;
		}
		if (scenarios[i].run == preopened)
			preopened_fd = open_rw(argv[2]);
		if (scenarios[i].run == named)
			prctl(PR_SET_NAME, argv[2], 0, 0, 0);
		fact("ready", getpid());
		if (syscall(SYS_read, 0, line, sizeof(line)) <= 0)
			return 1;
		return finish(scenarios[i].run(argv + 2));
	}
	fprintf(stderr, "iohelper: unknown scenario %s\n", argv[1]);
	return 2;
}
