package dev.ior.core;

/**
 * Symbolic names of Linux error numbers (the kernel's UAPI errno values), and the
 * restart codes that a syscall exit can show before the kernel restarts the call.
 */
public final class Errno {

    /** Restart codes (ERESTARTSYS .. ERESTART_RESTARTBLOCK): not errors the caller sees. */
    public static final int ERESTARTSYS = 512;
    /** The highest restart code. */
    public static final int ERESTART_RESTARTBLOCK = 516;
    /** The largest errno a syscall can return (the kernel's MAX_ERRNO). */
    public static final int MAX_ERRNO = 4095;

    private static final String[] NAMES = {
            null,
            "EPERM",
            "ENOENT",
            "ESRCH",
            "EINTR",
            "EIO",
            "ENXIO",
            "E2BIG",
            "ENOEXEC",
            "EBADF",
            "ECHILD",
            "EAGAIN",
            "ENOMEM",
            "EACCES",
            "EFAULT",
            "ENOTBLK",
            "EBUSY",
            "EEXIST",
            "EXDEV",
            "ENODEV",
            "ENOTDIR",
            "EISDIR",
            "EINVAL",
            "ENFILE",
            "EMFILE",
            "ENOTTY",
            "ETXTBSY",
            "EFBIG",
            "ENOSPC",
            "ESPIPE",
            "EROFS",
            "EMLINK",
            "EPIPE",
            "EDOM",
            "ERANGE",
            "EDEADLK",
            "ENAMETOOLONG",
            "ENOLCK",
            "ENOSYS",
            "ENOTEMPTY",
            "ELOOP",
            null,
            "ENOMSG",
            "EIDRM",
            "ECHRNG",
            "EL2NSYNC",
            "EL3HLT",
            "EL3RST",
            "ELNRNG",
            "EUNATCH",
            "ENOCSI",
            "EL2HLT",
            "EBADE",
            "EBADR",
            "EXFULL",
            "ENOANO",
            "EBADRQC",
            "EBADSLT",
            null,
            "EBFONT",
            "ENOSTR",
            "ENODATA",
            "ETIME",
            "ENOSR",
            "ENONET",
            "ENOPKG",
            "EREMOTE",
            "ENOLINK",
            "EADV",
            "ESRMNT",
            "ECOMM",
            "EPROTO",
            "EMULTIHOP",
            "EDOTDOT",
            "EBADMSG",
            "EOVERFLOW",
            "ENOTUNIQ",
            "EBADFD",
            "EREMCHG",
            "ELIBACC",
            "ELIBBAD",
            "ELIBSCN",
            "ELIBMAX",
            "ELIBEXEC",
            "EILSEQ",
            "ERESTART",
            "ESTRPIPE",
            "EUSERS",
            "ENOTSOCK",
            "EDESTADDRREQ",
            "EMSGSIZE",
            "EPROTOTYPE",
            "ENOPROTOOPT",
            "EPROTONOSUPPORT",
            "ESOCKTNOSUPPORT",
            "EOPNOTSUPP",
            "EPFNOSUPPORT",
            "EAFNOSUPPORT",
            "EADDRINUSE",
            "EADDRNOTAVAIL",
            "ENETDOWN",
            "ENETUNREACH",
            "ENETRESET",
            "ECONNABORTED",
            "ECONNRESET",
            "ENOBUFS",
            "EISCONN",
            "ENOTCONN",
            "ESHUTDOWN",
            "ETOOMANYREFS",
            "ETIMEDOUT",
            "ECONNREFUSED",
            "EHOSTDOWN",
            "EHOSTUNREACH",
            "EALREADY",
            "EINPROGRESS",
            "ESTALE",
            "EUCLEAN",
            "ENOTNAM",
            "ENAVAIL",
            "EISNAM",
            "EREMOTEIO",
            "EDQUOT",
            "ENOMEDIUM",
            "EMEDIUMTYPE",
            "ECANCELED",
            "ENOKEY",
            "EKEYEXPIRED",
            "EKEYREVOKED",
            "EKEYREJECTED",
            "EOWNERDEAD",
            "ENOTRECOVERABLE",
            "ERFKILL",
            "EHWPOISON"
    };

    private Errno() {
    }

    /** The name of {@code errno} ({@code ENOENT}), or {@code E<number>} when it has none. */
    public static String name(int errno) {
        if (errno > 0 && errno < NAMES.length && NAMES[errno] != null) {
            return NAMES[errno];
        }
        return switch (errno) {
            case 512 -> "ERESTARTSYS";
            case 513 -> "ERESTARTNOINTR";
            case 514 -> "ERESTARTNOHAND";
            case 515 -> "ENOIOCTLCMD";
            case 516 -> "ERESTART_RESTARTBLOCK";
            default -> "E" + errno;
        };
    }

    /** The number of the error named {@code name} ({@code ENOENT} → 2), 0 when unknown. */
    public static int number(String name) {
        for (int i = 1; i < NAMES.length; i++) {
            if (name.equals(NAMES[i])) {
                return i;
            }
        }
        for (int code = ERESTARTSYS; code <= ERESTART_RESTARTBLOCK; code++) {
            if (name.equals(name(code))) {
                return code;
            }
        }
        return name.startsWith("E") && name.substring(1).matches("\\d+") ? Integer.parseInt(name.substring(1)) : 0;
    }

    /**
     * The errno a raw syscall return value carries, 0 when it is not an error; a restart
     * code (a call interrupted and not run again, whose caller saw EINTR or nothing) is
     * not one either.
     */
    public static int of(long ret) {
        return ret < 0 && ret >= -MAX_ERRNO && !isRestart(ret) ? (int) -ret : 0;
    }

    /** Whether {@code ret} is one of the kernel's restart codes (-ERESTARTSYS .. -ERESTART_RESTARTBLOCK). */
    public static boolean isRestart(long ret) {
        return ret <= -ERESTARTSYS && ret >= -ERESTART_RESTARTBLOCK;
    }
}
