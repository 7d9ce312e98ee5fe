package dev.ior.bpf.live;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ior.bpf.check.Tracefs;
import dev.ior.bpf.live.Scenario.Run;
import dev.ior.core.FamilyProbes;
import dev.ior.core.IorSession;
import dev.ior.core.syscall.ArgKind;
import dev.ior.core.syscall.Syscall;
import dev.ior.core.syscall.SyscallFamily;
import dev.ior.core.syscall.SyscallTable;
import dev.ior.core.testing.RequiresRoot;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Families and exclusions select exactly their syscalls on this kernel, and attach live. */
@RequiresRoot
class FamiliesTest {

    private static final Set<String> KERNEL = Tracefs.mountIfNeeded().syscalls();

    @Test
    void aFamilyAndAnExclusionAttachExactlyTheirSyscallsThatThisKernelHas() throws Exception {
        try (IorSession session = IorSession.builder().comm("nobody-has-this")
                .syscalls("family:Network", "family:Polling", "!sendmmsg", "!recvmmsg", "!kind:none").build()) {
            session.startAsync();
            List<String> traced = names(session.tracedSyscalls());
            assertEquals(expected(s -> (s.family() == SyscallFamily.NETWORK || s.family() == SyscallFamily.POLLING)
                    && !s.name().endsWith("mmsg") && !s.argKinds().contains(ArgKind.NONE)), traced);
            assertTrue(traced.containsAll(List.of("sendto", "recvfrom", "epoll_wait", "epoll_ctl")), traced::toString);
            assertTrue(!traced.contains("socket") && !traced.contains("poll"), "they take no fd or path: " + traced);
            FamilyProbes network = session.familyProbes().get(SyscallFamily.NETWORK.ordinal());
            assertAll(() -> assertEquals(SyscallFamily.NETWORK, network.family()),
                    () -> assertEquals(expected(s -> s.family() == SyscallFamily.NETWORK).size(), network.available()),
                    () -> assertEquals(network.available() - 4, network.traced(), "less socket, socketpair, *mmsg"),
                    () -> assertEquals(0, session.familyProbes().get(SyscallFamily.FS.ordinal()).traced()));
        }
    }

    @Test
    void theDefaultSetOnThisKernelIsTheTablesDefaultsItHas() throws Exception {
        try (IorSession session = IorSession.builder().comm("nobody-has-this").build()) {
            session.startAsync();
            List<String> traced = names(session.tracedSyscalls());
            assertEquals(names(SyscallTable.builtIn().defaults().stream()
                    .filter(s -> s.isUringOperation() || KERNEL.contains(s.name())).toList()), traced);
            assertTrue(!traced.contains("sendto") && !traced.contains("nanosleep") && traced.contains("mmap"));
        }
    }

    @Test
    void aFamilyAttachedLiveStartsProducingEvents() throws Exception {
        Run run = Scenario.byPid("families", (session, collector) -> {
            session.attachFamily(SyscallFamily.TIME);
            session.attachFamily(SyscallFamily.NETWORK);
        });
        long fd = run.fact("fd");
        assertAll(() -> assertEquals(1, run.calls("socketpair").size(), "traced by default"),
                () -> assertEquals(3, run.calls("nanosleep").size(), "the nanosleeps after Time was attached"),
                () -> assertEquals(2, run.calls("sendto").stream().filter(e -> e.fd() == fd).count(),
                        "the sends after Network was attached, on the socket pair's first fd"),
                () -> assertTrue(run.calls("sendto").stream().allMatch(e -> e.file().startsWith("socket:["))),
                () -> assertEquals(0, run.calls("getpid").size(), "Process was never attached"));
    }

    private static List<String> expected(Predicate<Syscall> which) {
        return names(SyscallTable.builtIn().all().stream().filter(which)
                .filter(s -> s.isUringOperation() || KERNEL.contains(s.name())).toList());
    }

    private static List<String> names(List<Syscall> syscalls) {
        return syscalls.stream().map(Syscall::name).toList();
    }
}
