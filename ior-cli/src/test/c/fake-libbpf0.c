// SPDX-License-Identifier: Apache-2.0
/* A stand-in libbpf.so.1 that reports version 0.8: ior must refuse it by name. */
int libbpf_major_version(void) { return 0; }
int libbpf_minor_version(void) { return 8; }
