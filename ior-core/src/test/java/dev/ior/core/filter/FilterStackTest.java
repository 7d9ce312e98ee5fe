package dev.ior.core.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class FilterStackTest {

    @Test
    void emptyStackRendersAsAll() {
        assertEquals("filter: all", FilterStack.EMPTY.text());
        assertSame(FilterStack.EMPTY, FilterStack.EMPTY.pop());
    }

    @Test
    void framesRenderBottomFirstAndPopLastInFirstOut() {
        FilterStack stack = FilterStack.EMPTY.push(FilterFrame.parse("comm~bash"))
                .push(FilterFrame.parse("syscall~openat")).push(FilterFrame.parse("latency>=5ms"));
        assertEquals("filter: comm~bash > syscall~openat > latency>=5ms", stack.text());
        FilterStack popped = stack.pop();
        assertEquals("filter: comm~bash > syscall~openat", popped.text());
        assertEquals(List.of(FilterFrame.parse("comm~bash")), popped.pop().frames());
        assertEquals("filter: all", popped.pop().pop().text());
    }
}
