/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a syscall's arguments live in the pt_regs handed to the raw sys_enter
 * tracepoint. One definition per architecture, so the programs stay free of ifs.
 * The loads are direct: tp_btf arguments are BTF-typed kernel pointers.
 */
#ifndef IOR_ARCH_H
#define IOR_ARCH_H

#if defined(__TARGET_ARCH_x86)
static __always_inline void ior_syscall_args(const struct pt_regs *regs, __u64 args[6])
{
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

/* The number of the syscall now leaving, as sys_exit sees it. */
static __always_inline long ior_syscall_nr(const struct pt_regs *regs)
{
	return regs->orig_ax;
}
#else
#error "ior's BPF program supports x86_64 only so far: add this architecture's argument registers"
#endif

#endif
