// SPDX-License-Identifier: GPL-2.0
/*
 * The attach benchmark's other mechanism: ior's own entry and exit work
 * (bpf-src/ior_syscall.h) run from per-syscall tracepoints
 * (syscalls/sys_enter_NAME, sys_exit_NAME) instead of ior's raw tracepoint pair.
 * bench/ref-consumer --pertp attaches these two programs once per traced syscall.
 * Benchmark only: not shipped. Built by bench/attach-bench.sh.
 */
#include "vmlinux_min.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>
#include "ior_event.h"
#include "ior_maps.h"
#include "ior_emit.h"
#include "ior_syscall.h"

char LICENSE[] SEC("license") = "GPL";

/* The kernel's own records of the syscall tracepoints, read through CO-RE. */
struct syscall_trace_enter {
	int nr;
	unsigned long args[];
} __attribute__((preserve_access_index));

struct syscall_trace_exit {
	int nr;
	long ret;
} __attribute__((preserve_access_index));

SEC("tracepoint")
int pertp_enter(struct syscall_trace_enter *ctx)
{
	struct ior_syscall_conf *conf = ior_conf(ctx->nr);
	__u64 args[6];

	if (!conf)
		return 0;
	/* Copied, not loaded: a program that loads past a syscall's own arguments is
	 * refused at attach (EACCES), and one program serves them all. */
	bpf_probe_read_kernel(args, sizeof(args), &ctx->args[0]);
	ior_enter(conf, ctx->nr, args);
	return 0;
}

SEC("tracepoint")
int pertp_exit(struct syscall_trace_exit *ctx)
{
	ior_exit(ctx->nr, ctx->ret);
	return 0;
}
