// SPDX-License-Identifier: GPL-2.0
/*
 * The floor of an exit program: a raw sys_exit program that returns at once. Loaded
 * beside ior's entry program alone (bench/attach-bench.sh raw-stub), it shows what
 * invoking any exit program costs every syscall, apart from the work ior does in it.
 * Benchmark only: not shipped.
 */
#include "vmlinux_min.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

SEC("tp_btf/sys_exit")
int BPF_PROG(stub_sys_exit, struct pt_regs *regs, long ret)
{
	return 0;
}
