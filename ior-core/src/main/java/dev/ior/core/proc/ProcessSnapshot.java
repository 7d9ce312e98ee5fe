package dev.ior.core.proc;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one process had open when tracing started: its working directory and its fds.
 * A recording keeps these in its metadata, so fds opened before the capture can be
 * named afterwards.
 *
 * @param pid the process id
 * @param cwd the working directory, "" if it could not be read
 * @param fds each open fd and what it names
 */
public record ProcessSnapshot(int pid, String cwd, Map<Integer, String> fds) {

    public ProcessSnapshot {
        fds = Map.copyOf(fds);
    }

    /** The snapshots as a JSON array, fds in order: {@code [{"pid":1,"cwd":"/","fds":{"0":"/dev/null"}}]}. */
    public static String toJson(List<ProcessSnapshot> processes) {
        StringBuilder json = new StringBuilder("[");
        for (ProcessSnapshot p : processes) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"pid\":").append(p.pid).append(",\"cwd\":");
            quote(json, p.cwd);
            json.append(",\"fds\":{");
            boolean first = true;
            for (Map.Entry<Integer, String> fd : new TreeMap<>(p.fds).entrySet()) {
                json.append(first ? "" : ",").append('"').append(fd.getKey()).append("\":");
                quote(json, fd.getValue());
                first = false;
            }
            json.append("}}");
        }
        return json.append(']').toString();
    }

    /** A JSON string; paths are already escaped (\xHH) for control bytes, so only quotes and backslashes remain. */
    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\');
            }
            json.append(c);
        }
        json.append('"');
    }
}
