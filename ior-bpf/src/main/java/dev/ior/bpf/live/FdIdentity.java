package dev.ior.bpf.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether ior checks each fd's name against the inode behind it: the kernel side reads
 * that inode at every fd call, which needs the {@code bpf_rdonly_cast} kfunc (Linux
 * 6.2+). Where the kernel lacks it, ior loads its plain object and names fds from its
 * own fd tables alone, and says so ({@code ior doctor}).
 */
public final class FdIdentity {

    /** The kfunc the inode-reading object calls. */
    public static final String KFUNC = "bpf_rdonly_cast";
    /** {@code -Dior.fd-identity=off} loads the plain object anyway (for comparisons). */
    static final String SWITCH = "ior.fd-identity";
    private static final Path VMLINUX_BTF = Path.of("/sys/kernel/btf/vmlinux");

    private FdIdentity() {
    }

    /** Whether this kernel has the kfunc (its name is in the kernel's BTF). */
    public static boolean kernelAllows() {
        try {
            return contains(Files.readAllBytes(VMLINUX_BTF), ("\0" + KFUNC + "\0").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether sessions identify fds by inode here. */
    static boolean enabled() {
        return !"off".equals(System.getProperty(SWITCH)) && kernelAllows();
    }

    /** One line for {@code ior doctor}: how fds are identified here. */
    public static String describe() {
        if (kernelAllows()) {
            return "by inode: the kernel side reads the inode behind every fd a call uses (kfunc " + KFUNC + ")";
        }
        return "degraded: this kernel lacks the " + KFUNC + " kfunc (Linux 6.2+): fds are named from ior's own fd "
                + "tables, without checking their inodes";
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
