package dev.ior.tui.tab.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.testing.RequiresRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EditorLauncherTest {

    private static final Path FILE = Path.of("/tmp/x.csv");

    @Test
    void underSudoTheEditorRunsAsTheInvokingUser() {
        ProcessBuilder editor = new EditorLauncher(Map.of("SUDO_UID", "1000", "SUDO_GID", "1001", "SUDO_USER",
                "alice"), 0).command(FILE);
        assertEquals(List.of("setpriv", "--reuid=1000", "--regid=1001", "--init-groups", "--", "sh", "-c",
                "exec $EDITOR \"$1\"", "ior-editor", "/tmp/x.csv"), editor.command());
        assertEquals("vi", editor.environment().get("EDITOR"), "vi when EDITOR is not set");
        assertEquals("alice", editor.environment().get("USER"));
        assertEquals("alice", editor.environment().get("LOGNAME"));
    }

    @Test
    void withoutSudoOrAsAPlainUserTheEditorRunsAsIs() {
        List<String> plain = List.of("sh", "-c", "exec $EDITOR \"$1\"", "ior-editor", "/tmp/x.csv");
        assertEquals(plain, new EditorLauncher(Map.of(), 0).command(FILE).command(), "root logged in as root");
        assertEquals(plain, new EditorLauncher(Map.of("SUDO_UID", "1000", "SUDO_GID", "1000"), 1000).command(FILE)
                .command(), "not root: nothing to switch");
        assertEquals(plain, new EditorLauncher(Map.of("SUDO_UID", "0", "SUDO_GID", "0"), 0).command(FILE).command(),
                "sudo from root");
        assertEquals(plain, new EditorLauncher(Map.of("SUDO_UID", "1000;rm", "SUDO_GID", "1000"), 0).command(FILE)
                .command(), "nonsense ids are ignored");
        assertEquals("emacs -nw", new EditorLauncher(Map.of("EDITOR", "emacs -nw"), 0).command(FILE).environment()
                .get("EDITOR"));
    }

    @Test
    @RequiresRoot
    void theEditorRealyRunsWithTheSudoUsersIdentity(@TempDir Path dir) throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path script = dir.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$(id -u) $(id -g) $HOME $1\" > " + dir.resolve("out") + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder editor = new EditorLauncher(Map.of("SUDO_UID", "65534", "SUDO_GID", "65534", "SUDO_USER",
                "nobody", "EDITOR", script.toString()), 0).command(dir.resolve("export.csv"));
        assertEquals(0, editor.start().waitFor());
        String home = new String(new ProcessBuilder("getent", "passwd", "65534").start().getInputStream()
                .readAllBytes()).split(":")[5];
        assertEquals("65534 65534 " + home + " " + dir.resolve("export.csv"), Files.readString(dir.resolve("out"))
                .strip());
    }
}
