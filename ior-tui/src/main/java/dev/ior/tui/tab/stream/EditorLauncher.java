package dev.ior.tui.tab.stream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the command that opens a file in the user's editor ($EDITOR, else vi). Under
 * sudo, ior runs as root but the editor must not: it runs as the user who ran sudo
 * (SUDO_UID, SUDO_GID, with that user's groups and home), through setpriv.
 */
final class EditorLauncher {

    private final Map<String, String> environment;
    private final int effectiveUid;

    /** A launcher for a process running as {@code effectiveUid} in {@code environment}. */
    EditorLauncher(Map<String, String> environment, int effectiveUid) {
        this.environment = environment;
        this.effectiveUid = effectiveUid;
    }

    /** A launcher for this process. */
    static EditorLauncher forThisProcess(Map<String, String> environment) {
        return new EditorLauncher(environment, effectiveUid());
    }

    /** The editor command for {@code file}, to run with the terminal handed over. */
    ProcessBuilder command(Path file) {
        String editor = environment.getOrDefault("EDITOR", "").isBlank() ? "vi" : environment.get("EDITOR");
        List<String> command = new ArrayList<>();
        String uid = environment.get("SUDO_UID");
        String gid = environment.get("SUDO_GID");
        boolean asSudoUser = effectiveUid == 0 && uid != null && gid != null && uid.matches("[1-9]\\d*")
                && gid.matches("\\d+");
        if (asSudoUser) {
            command.addAll(List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--init-groups", "--"));
        }
        // sh splits $EDITOR into words, as git does, so EDITOR="code -w" works
        command.addAll(List.of("sh", "-c", "exec $EDITOR \"$1\"", "ior-editor", file.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("EDITOR", editor);
        if (asSudoUser) {
            String home = home(uid);
            if (home != null) {
                builder.environment().put("HOME", home);
            }
            String user = environment.get("SUDO_USER");
            if (user != null) {
                builder.environment().put("USER", user);
                builder.environment().put("LOGNAME", user);
            }
        }
        return builder;
    }

    /** The home directory of {@code uid} from the user database, or null. */
    private static String home(String uid) {
        try {
            Process getent = new ProcessBuilder("getent", "passwd", uid).redirectErrorStream(true).start();
            String line = new String(getent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            getent.waitFor();
            String[] fields = line.split(":", -1);
            return fields.length >= 7 ? fields[5] : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int effectiveUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"); // /proc/self is owned by the euid
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
