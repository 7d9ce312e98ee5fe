/*
 * What jextract runs over: the libbpf API ior's loader calls, and ior's own record
 * and settings header (the single definition shared with the BPF program).
 */
#include <bpf/libbpf.h>
#include <bpf/bpf.h>
#include "../bpf-src/ior_event.h"
