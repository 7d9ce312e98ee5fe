// SPDX-License-Identifier: Apache-2.0
/*
 * The practical limit ior is measured against: a plain C libbpf consumer that loads
 * ior's own BPF object, applies the same settings, and receives every record through
 * libbpf's ring_buffer__poll, counting them per pid. Only the user space differs
 * from ior, so the gap between the two is the cost of ior's Java side. It also serves
 * the attach-mechanism benchmark (docs/attach-mechanism.md): it can attach a variant
 * object's programs to each traced syscall's own tracepoints, attach only some
 * programs, add a second object, and it times attaching and detaching.
 *
 *   ref-consumer [--pertp] [--only PROG]... [--also OBJECT] [--pid PID] OBJECT SECONDS CONF...
 *   CONF: name:nr[:path_arg[:path2_arg[:deref_arg[:track[:fd_ident[:inode_fd]]]]]] for each
 *         traced syscall, the fields of struct ior_syscall_conf as ior writes them
 *   --pertp   attach programs pertp_enter / pertp_exit to syscalls/sys_enter_NAME and
 *             sys_exit_NAME of every CONF (bench/variants/pertp.bpf.c)
 *   --only    attach only this program of OBJECT (repeatable); default: all
 *   --also    load a second object and attach all its programs
 *   --pid     trace only this process, filtered in the kernel as ior --pid does
 *
 * Prints "events <n>", "lost <n>", "pid <pid> <n>" for the busiest pids, "links <n>",
 * "attach_ms <ms>", "detach_ms <ms>", "cpu <s>" (user + system while consuming).
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
#define MAX_LINKS 2048
#define MAX_ONLY 8
static unsigned long events;
static struct { __u32 pid; unsigned long n; } pids[MAX_PIDS];
static struct bpf_link *links[MAX_LINKS];
static int nlinks;
static volatile sig_atomic_t stop;

static void on_signal(int sig) { (void)sig; stop = 1; }

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

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

static void keep(struct bpf_link *link, const char *what)
{
	if (!link || nlinks == MAX_LINKS) {
		fprintf(stderr, "attach %s failed\n", what);
		exit(1);
	}
	links[nlinks++] = link;
}

static struct bpf_object *load(const char *path)
{
	struct bpf_object *obj = bpf_object__open_file(path, NULL);

	if (!obj || bpf_object__load(obj)) {
		fprintf(stderr, "cannot load %s\n", path);
		exit(1);
	}
	return obj;
}

static void attach_all(struct bpf_object *obj, char **only, int nonly)
{
	struct bpf_program *prog;

	bpf_object__for_each_program(prog, obj) {
		int wanted = nonly == 0;

		for (int i = 0; i < nonly; i++)
			wanted |= !strcmp(only[i], bpf_program__name(prog));
		if (wanted)
			keep(bpf_program__attach(prog), bpf_program__name(prog));
	}
}

static void attach_per_syscall(struct bpf_object *obj, char **confs, int nconfs)
{
	struct bpf_program *enter = bpf_object__find_program_by_name(obj, "pertp_enter");
	struct bpf_program *exit_ = bpf_object__find_program_by_name(obj, "pertp_exit");
	char name[64], tp[96];

	for (int i = 0; i < nconfs; i++) {
		sscanf(confs[i], "%63[^:]", name);
		snprintf(tp, sizeof(tp), "sys_enter_%s", name);
		keep(bpf_program__attach_tracepoint(enter, "syscalls", tp), tp);
		snprintf(tp, sizeof(tp), "sys_exit_%s", name);
		keep(bpf_program__attach_tracepoint(exit_, "syscalls", tp), tp);
	}
}

int main(int argc, char **argv)
{
	char *only[MAX_ONLY];
	int nonly = 0, pertp = 0;
	const char *also = NULL;
	__u32 only_pid = 0;
	int arg = 1;

	for (; arg < argc && !strncmp(argv[arg], "--", 2); arg++) {
		if (!strcmp(argv[arg], "--pertp"))
			pertp = 1;
		else if (!strcmp(argv[arg], "--only") && arg + 1 < argc && nonly < MAX_ONLY)
			only[nonly++] = argv[++arg];
		else if (!strcmp(argv[arg], "--also") && arg + 1 < argc)
			also = argv[++arg];
		else if (!strcmp(argv[arg], "--pid") && arg + 1 < argc)
			only_pid = atoi(argv[++arg]);
		else
			break;
	}
	if (argc - arg < 3) {
		fprintf(stderr, "usage: ref-consumer [--pertp] [--only PROG]... [--also OBJECT] [--pid PID] OBJECT SECONDS CONF...\n");
		return 2;
	}
	const char *object = argv[arg];
	double seconds = atof(argv[arg + 1]);
	char **confs = argv + arg + 2;
	int nconfs = argc - arg - 2;
	struct bpf_object *obj = bpf_object__open_file(object, NULL);
	if (!obj) {
		perror("open");
		return 1;
	}
	struct ior_settings settings = { .wakeup_bytes = 1 << 20 };
	settings.self_tgid = getpid();
	bpf_map__set_initial_value(bpf_object__find_map_by_name(obj, ".rodata.ior"), &settings, sizeof(settings));
	if (bpf_object__load(obj)) {
		fprintf(stderr, "load failed\n");
		return 1;
	}
	int conf_fd = bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_syscalls"));
	for (int i = 0; i < nconfs; i++) {
		char name[64];
		unsigned nr, a = 0, b = 0, c = 0, track = 0, ident = 0, inode = 0;
		struct ior_syscall_conf conf = { 0 };

		sscanf(confs[i], "%63[^:]:%u:%u:%u:%u:%u:%u:%u", name, &nr, &a, &b, &c, &track, &ident, &inode);
		conf.traced = 1;
		conf.sample = 1; /* every call */
		conf.path_arg = a;
		conf.path2_arg = b;
		conf.deref_arg = c;
		conf.track = track;
		conf.fd_ident = ident;
		conf.inode_fd = inode;
		bpf_map_update_elem(conf_fd, &nr, &conf, BPF_ANY);
	}
	struct ior_filter filter = { 0 };
	__u32 zero = 0;
	__u8 one = 1;

	if (only_pid) {
		filter.use_pid_set = 1;
		bpf_map_update_elem(bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_pids")), &only_pid,
				    &one, BPF_ANY);
	}
	bpf_map_update_elem(bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_filter")), &zero,
			    &filter, BPF_ANY);
	double t0 = now_ms();
	if (pertp)
		attach_per_syscall(obj, confs, nconfs);
	else
		attach_all(obj, only, nonly);
	if (also)
		attach_all(load(also), NULL, 0);
	double attach_ms = now_ms() - t0;
	struct ring_buffer *rb = ring_buffer__new(
		bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_ring")), on_record, NULL, NULL);
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fprintf(stderr, "ready\n");
	t0 = now_ms();
	while (!stop && now_ms() - t0 < seconds * 1e3)
		ring_buffer__poll(rb, 50);
	ring_buffer__consume(rb);
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	t0 = now_ms();
	for (int i = 0; i < nlinks; i++)
		bpf_link__destroy(links[i]);
	double detach_ms = now_ms() - t0;
	int ncpu = libbpf_num_possible_cpus();
	__u64 *values = calloc(ncpu, sizeof(__u64));
	__u32 key = IOR_CNT_LOST_RINGBUF;
	unsigned long lost = 0;
	bpf_map_lookup_elem(bpf_map__fd(bpf_object__find_map_by_name(obj, "ior_counters")), &key,
			    values);
	for (int i = 0; i < ncpu; i++)
		lost += values[i];
	printf("events %lu\nlost %lu\n", events, lost);
	for (int i = 0; i < MAX_PIDS && pids[i].pid; i++)
		if (pids[i].n > 1000)
			printf("pid %u %lu\n", pids[i].pid, pids[i].n);
	printf("links %d\nattach_ms %.1f\ndetach_ms %.1f\n", nlinks, attach_ms, detach_ms);
	printf("cpu %.3f\n", ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
				   (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
	fflush(stdout);
	_exit(0);
}
