// SPDX-License-Identifier: Apache-2.0
/*
 * ior's benchmark workload: issues one syscall mix as fast as it can for a fixed
 * time and prints its own rate and the exact count of every syscall it issued, so
 * a tracer's per-syscall counts can be checked against the truth.
 *
 *   workload [--wait] MIX SECONDS [THREADS] [DIR]
 *   MIX: pread1 (1-byte pread loop), mixed (open/read/pread/write/fstat/close, an
 *        fsync every 64 opens), sched_yield (a syscall no tracer traces: the cost on
 *        the rest of the host)
 *   --wait: start the threads, print "ready <pid>" and wait for SIGUSR1 before the
 *        first syscall of the mix, so a tracer can attach to the pid first
 *
 * Output (stdout): "rate <syscalls/s>" (over the timed run), "total <n>", then
 * "count <syscall> <n>" per syscall, and "end". Syscalls are raw (syscall(2)) so libc adds or
 * substitutes none, and the counts are of every traceable syscall the process makes
 * from SIGUSR1 on, the write of this report included (one write, counted in advance).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

enum { C_OPENAT, C_PREAD, C_READ, C_WRITE, C_FSTAT, C_FSYNC, C_CLOSE, C_UNLINK, C_YIELD, C_N };
static const char *names[C_N] = { "openat", "pread64", "read", "write", "newfstatat",
				  "fsync", "close", "unlink", "sched_yield" };

struct worker {
	pthread_t thread;
	int index;
	unsigned long counts[C_N];
};

static const char *mix;
static const char *dir = "/dev/shm";
static atomic_int stop;
static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t start_cond = PTHREAD_COND_INITIALIZER;
static int started;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Waits on a futex (not a file-I/O syscall) until main says go. */
static void await_start(void)
{
	pthread_mutex_lock(&start_lock);
	while (!started)
		pthread_cond_wait(&start_cond, &start_lock);
	pthread_mutex_unlock(&start_lock);
}

static void *run(void *arg)
{
	struct worker *w = arg;
	char path[512], buf[4096];
	struct stat st;
	int fd;

	memset(buf, 'x', sizeof(buf));
	snprintf(path, sizeof(path), "%s/ior-workload-%d-%d", dir, getpid(), w->index);
	await_start();
	fd = syscall(SYS_openat, AT_FDCWD, path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	w->counts[C_OPENAT]++;
	if (fd < 0) {
		perror(path);
		exit(1);
	}
	syscall(SYS_write, fd, buf, sizeof(buf));
	w->counts[C_WRITE]++;

	if (!strcmp(mix, "pread1")) {
		while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
			for (int i = 0; i < 256; i++)
				syscall(SYS_pread64, fd, buf, 1, 0);
			w->counts[C_PREAD] += 256;
		}
	} else if (!strcmp(mix, "sched_yield")) {
		while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
			for (int i = 0; i < 256; i++)
				syscall(SYS_sched_yield);
			w->counts[C_YIELD] += 256;
		}
	} else {
		while (!atomic_load_explicit(&stop, memory_order_relaxed)) {
			int f = syscall(SYS_openat, AT_FDCWD, path, O_RDWR, 0);

			w->counts[C_OPENAT]++;
			syscall(SYS_read, f, buf, 512);
			w->counts[C_READ]++;
			syscall(SYS_pread64, f, buf, 64, 100);
			w->counts[C_PREAD]++;
			syscall(SYS_write, f, buf, 128);
			w->counts[C_WRITE]++;
			syscall(SYS_newfstatat, f, "", &st, AT_EMPTY_PATH);
			w->counts[C_FSTAT]++;
			if ((w->counts[C_OPENAT] & 63) == 0) {
				syscall(SYS_fsync, f);
				w->counts[C_FSYNC]++;
			}
			syscall(SYS_close, f);
			w->counts[C_CLOSE]++;
		}
	}
	syscall(SYS_close, fd);
	w->counts[C_CLOSE]++;
	syscall(SYS_unlink, path);
	w->counts[C_UNLINK]++;
	return NULL;
}

/* Says "ready <pid>" and waits for SIGUSR1 (blocked in every thread since main's start,
 * so no worker can take it): no file-I/O syscall meanwhile. */
static void wait_for_go(const sigset_t *set)
{
	int sig;

	printf("ready %d\n", getpid());
	fflush(stdout);
	sigwait(set, &sig);
}

int main(int argc, char **argv)
{
	int wait = argc > 1 && !strcmp(argv[1], "--wait");

	argv += wait;
	argc -= wait;
	if (argc < 3) {
		fprintf(stderr, "usage: workload [--wait] pread1|mixed|sched_yield SECONDS [THREADS] [DIR]\n");
		return 2;
	}
	mix = argv[1];
	double seconds = atof(argv[2]);
	int threads = argc > 3 ? atoi(argv[3]) : 1;
	if (argc > 4)
		dir = argv[4];
	if (strcmp(mix, "pread1") && strcmp(mix, "mixed") && strcmp(mix, "sched_yield")) {
		fprintf(stderr, "workload: unknown mix '%s' (pread1, mixed, sched_yield)\n", mix);
		return 2;
	}
	if (threads < 1 || threads > 64 || seconds <= 0) {
		fprintf(stderr, "workload: bad THREADS or SECONDS\n");
		return 2;
	}
	struct worker *workers = calloc(threads, sizeof(*workers));
	sigset_t go;

	sigemptyset(&go);
	sigaddset(&go, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &go, NULL); /* threads inherit the mask */
	for (int i = 0; i < threads; i++) {
		workers[i].index = i;
		pthread_create(&workers[i].thread, NULL, run, &workers[i]);
	}
	if (wait)
		wait_for_go(&go);
	double start = now_s();
	pthread_mutex_lock(&start_lock);
	started = 1;
	pthread_cond_broadcast(&start_cond);
	pthread_mutex_unlock(&start_lock);
	struct timespec nap = { (time_t)seconds, (long)((seconds - (time_t)seconds) * 1e9) };
	nanosleep(&nap, NULL);
	atomic_store(&stop, 1);
	unsigned long totals[C_N] = { 0 }, total = 0;
	for (int i = 0; i < threads; i++) {
		pthread_join(workers[i].thread, NULL);
		for (int c = 0; c < C_N; c++)
			totals[c] += workers[i].counts[c];
	}
	double elapsed = now_s() - start;
	totals[C_WRITE]++; /* the report's own write, below */
	for (int c = 0; c < C_N; c++)
		total += totals[c];
	char report[1024];
	int n = snprintf(report, sizeof(report), "rate %.0f\ntotal %lu\n", (total - 1) / elapsed, total);
	for (int c = 0; c < C_N; c++)
		if (totals[c])
			n += snprintf(report + n, sizeof(report) - n, "count %s %lu\n", names[c], totals[c]);
	n += snprintf(report + n, sizeof(report) - n, "end\n");
	syscall(SYS_write, 1, report, n);
	return 0;
}
