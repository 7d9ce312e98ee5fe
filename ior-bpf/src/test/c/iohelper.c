// SPDX-License-Identifier: Apache-2.0
/*
 * A process whose syscalls are known exactly, for ior's tests against the real
 * kernel. It prints "ready", waits for one line on stdin (so the test can attach
 * first), runs one scenario with raw syscalls (libc adds nothing), prints what the
 * test needs to know as "key value" lines, then "done", and exits.
 *
 *   iohelper SCENARIO [ARG...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static char buf[1 << 16];

static long sys(long nr, long a, long b, long c, long d)
{
	long rc = syscall(nr, a, b, c, d);
	return rc < 0 ? -errno : rc;
}

static void fact(const char *key, long value)
{
	printf("%s %ld\n", key, value);
	fflush(stdout);
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

struct scenario {
	const char *name;
	int args;
	int (*run)(char **argv);
};

static const struct scenario scenarios[] = {
	{ "spine", 1, spine },
	{ "missing", 1, missing },
};

int main(int argc, char **argv)
{
	char line[64];

	if (argc < 2) {
		fprintf(stderr, "usage: iohelper SCENARIO [ARG...]\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		if (strcmp(argv[1], scenarios[i].name))
			continue;
		if (argc - 2 < scenarios[i].args) {
			fprintf(stderr, "iohelper: %s needs %d arguments\n", argv[1], scenarios[i].args);
			return 2;
		}
		fact("ready", getpid());
		if (syscall(SYS_read, 0, line, sizeof(line)) <= 0)
			return 1;
		int rc = scenarios[i].run(argv + 2);
		printf("done\n");
		fflush(stdout);
		return rc;
	}
	fprintf(stderr, "iohelper: unknown scenario %s\n", argv[1]);
	return 2;
}
