package dev.ior.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Wrappers that run ior on a host made unfit (or bare) for real: another user, or a
 * private mount namespace where something is hidden or unmounted. What a namespace
 * mounts vanishes with it.
 */
final class HostConditions {

    /** An unprivileged user (nobody). */
    static final List<String> NOBODY = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");

    /** No tracefs in the mount namespace, and no CAP_SYS_ADMIN to mount one. */
    static final List<String> WITHOUT_TRACEFS = inPrivateMounts("umount -l /sys/kernel/tracing || true",
            "setpriv", "--bounding-set=-sys_admin");

    private HostConditions() {
    }

    /**
     * Runs the command behind {@code sh -c 'SETUP; exec PREFIX command...'} in a private
     * mount namespace.
     */
    static List<String> inPrivateMounts(String setup, String... prefix) {
        String script = "set -e; " + setup + "; exec " + String.join(" ", prefix) + " \"$@\"";
        return List.of("unshare", "--mount", "--propagation", "private", "sh", "-c", script, "ior-test");
    }

    /** A setup step that hides the system's copy of a shared library (an empty file over it). */
    static String hide(String soname) throws IOException, InterruptedException {
        return "mount --bind /dev/null " + systemLibrary(soname);
    }

    /** A setup step that hides every installed JDK and JRE. */
    static String hideJava() {
        return "mount -t tmpfs none /usr/lib/jvm";
    }

    /** The real file behind the system's library {@code soname}, as the dynamic loader's cache names it. */
    static Path systemLibrary(String soname) throws IOException, InterruptedException {
        Process ldconfig = new ProcessBuilder("ldconfig", "-p").start();
        String cache = new String(ldconfig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldconfig.waitFor();
        String prefix = soname + " (";
        return cache.lines().map(String::strip).filter(line -> line.startsWith(prefix))
                .map(line -> Path.of(line.substring(line.indexOf("=> ") + 3)))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(soname + " is not installed"))
                .toRealPath();
    }
}
