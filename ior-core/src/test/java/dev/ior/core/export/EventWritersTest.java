package dev.ior.core.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ior.core.EventRecord;
import dev.ior.core.syscall.SyscallTable;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The exact text of each line format, quoting and escaping included. */
class EventWritersTest {

    private static final List<EventRecord> EVENTS = List.of(
            new EventRecord(1, 1000, 5000, 0, 250, "bash", 10, 11,
                    SyscallTable.builtIn().byName("openat").orElseThrow(), 3, 3, 0, "/etc/hosts", "", -1, false, 0, 0),
            new EventRecord(2, 2000, 6000, 750, 90, "my, \"app\"", 10, 12,
                    SyscallTable.builtIn().byName("openat").orElseThrow(), -1, -2, 0, "/tmp/a,b \"c\"\\x0a", "",
                    -1, false, 2, 0),
            new EventRecord(3, 3000, 7000, 10, 1234, "bäcker", 10, 11,
                    SyscallTable.builtIn().byName("read").orElseThrow(), 3, 4096, 4096, "/etc/hosts", "", -1, false, 0,
                    0));

    @Test
    void csvQuotesFieldsWithCommasOrQuotesAndLeavesTheRestBare() {
        assertEquals("""
                seq,time_ns,gap_ns,latency_ns,comm,pid,tid,syscall,fd,ret,bytes,file,errno,old_file,old_fd,truncated
                1,1000,0,250,bash,10,11,openat,3,3,0,/etc/hosts,,,-1,0
                2,2000,750,90,"my, ""app""\",10,12,openat,-1,-2,0,"/tmp/a,b ""c""\\x0a",ENOENT,,-1,0
                3,3000,10,1234,bäcker,10,11,read,3,4096,4096,/etc/hosts,,,-1,0
                """, write(CsvEventWriter::new));
    }

    @Test
    void ndjsonEscapesQuotesAndBackslashesAndWritesNullForSuccess() {
        assertEquals("""
                {"seq":1,"time_ns":1000,"gap_ns":0,"latency_ns":250,"comm":"bash","pid":10,"tid":11,"syscall":"openat","fd":3,"ret":3,"bytes":0,"file":"/etc/hosts","errno":null,"old_file":"","old_fd":-1,"truncated":false}
                {"seq":2,"time_ns":2000,"gap_ns":750,"latency_ns":90,"comm":"my, \\"app\\"","pid":10,"tid":12,"syscall":"openat","fd":-1,"ret":-2,"bytes":0,"file":"/tmp/a,b \\"c\\"\\\\x0a","errno":"ENOENT","old_file":"","old_fd":-1,"truncated":false}
                {"seq":3,"time_ns":3000,"gap_ns":10,"latency_ns":1234,"comm":"bäcker","pid":10,"tid":11,"syscall":"read","fd":3,"ret":4096,"bytes":4096,"file":"/etc/hosts","errno":null,"old_file":"","old_fd":-1,"truncated":false}
                """, write(NdjsonEventWriter::new));
    }

    private static String write(Function<ByteArrayOutputStream, EventWriter> make) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EventWriter writer = make.apply(bytes);
        writer.writeHeader();
        EVENTS.forEach(writer::write);
        writer.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
