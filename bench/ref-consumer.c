// SPDX-License-Identifier: Apache-2.0
/*
 * The practical limit ior is measured against: a plain C libbpf consumer that loads
 * ior's own BPF object, applies the same settings, and receives every record through
 * libbpf's ring_buffer__poll, counting them per pid. Only the user space differs
 * from ior, so the gap between the two is the cost of ior's Java side.
 *
 *   ref-consumer OBJECT SECONDS CONF...
 *   CONF: nr[:path_arg[:path2_arg[:deref_arg]]] for each traced syscall number
 *
 * Prints "events <n>", "lost <n>", "pid <pid> <n>" for the busiest pids, "cpu <s>".
 */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <linux/types.h>
#include "../bpf-src/ior_event.h"

#define MAX_PIDS 4096
static unsigned long events;
static struct { __u32 pid; unsigned long n; } pids[MAX_PIDS];
static volatile sig_atomic_t stop;

static void on_signal(int sig) { (void)sig; stop = 1; }

static int on_record(void *ctx, void *data, size_t size)
{
	const struct ior_event *ev = data;
	(void)ctx;
	(void)size;
	if (ev->kind != IOR_KIND_SYSCALL)
		return 0;
	events++;
	for (int i = 0; i < MAX_PIDS; i++) {
		if (pids[i].pid == ev->pid || pids[i].pid == 0) {
			pids[i].pid = ev->pid;
			pids[i].n++;
			break;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: ref-consumer OBJECT SECONDS CONF...\n");
		return 2;
	}
	double seconds = atof(argv[2]);
	struct bpf_object *obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		perror("open");
		return 1;
	}
	struct bpf_map *rodata = bpf_object__find_map_by_name(obj, ".rodata");
	size_t rodata_size;
	const void *initial = bpf_map__initial_value(rodata, &rodata_size);
	char *copy = malloc(rodata_size);
	memcpy(copy, initial, rodata_size);
	/* ior_self_tgid is the first u32 of .rodata (see ior.bpf.c) */
	*(__u32 *)copy = getpid();
	bpf_map__set_initial_value(rodata, copy, rodata_size);
	if (bpf_object__load(obj)) {
		fprintf(stderr, "load failed\n");
		return 1;
	}
	int conf_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_syscalls"));
	for (int i = 3; i < argc; i++) {
		unsigned nr, a = 0, b = 0, c = 0;
		struct ior_syscall_conf conf = { 0 };

		sscanf(argv[i], "%u:%u:%u:%u", &nr, &a, &b, &c);
		conf.traced = 1;
		conf.path_arg = a;
		conf.path2_arg = b;
		conf.deref_arg = c;
		bpf_map_update_elem(conf_fd, &nr, &conf, BPF_ANY);
	}
	struct ior_filter filter = { 0 };
	__u32 zero = 0;
	bpf_map_update_elem(bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_filter")), &zero,
			    &filter, BPF_ANY);
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, obj) {
		if (!bpf_program__attach(prog)) {
			fprintf(stderr, "attach %s failed\n", bpf_program__name(prog));
			return 1;
		}
	}
	struct ring_buffer *rb = ring_buffer__new(
		bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_ring")), on_record, NULL, NULL);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	struct timespec t0, t;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	fprintf(stderr, "ready\n");
	for (;;) {
		ring_buffer__poll(rb, 50);
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (stop || (t.tv_sec - t0.tv_sec) + (t.tv_nsec - t0.tv_nsec) / 1e9 >= seconds)
			break;
	}
	ring_buffer__consume(rb);
	int ncpu = libbpf_num_possible_cpus();
	__u64 *values = calloc(ncpu, sizeof(__u64));
	__u32 key = IOR_CNT_LOST_RINGBUF;
	unsigned long lost = 0;
	bpf_map_lookup_elem(bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_counters")), &key,
			    values);
	for (int i = 0; i < ncpu; i++)
		lost += values[i];
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("events %lu\nlost %lu\n", events, lost);
	for (int i = 0; i < MAX_PIDS && pids[i].pid; i++)
		if (pids[i].n > 1000)
			printf("pid %u %lu\n", pids[i].pid, pids[i].n);
	printf("cpu %.3f\n", ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
				   (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	fflush(stdout);
	_exit(0); /* links are released by the kernel as the process goes */
}
