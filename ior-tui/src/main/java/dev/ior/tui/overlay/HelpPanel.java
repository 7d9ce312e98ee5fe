package dev.ior.tui.overlay;

import com.googlecode.lanterna.input.KeyStroke;
import dev.ior.tui.render.Canvas;
import dev.ior.tui.render.Style;
import dev.ior.tui.tab.KeyHelp;
import java.util.List;

/** The help panel (H): every key the shown tab answers to, then the keys of every tab. Any key closes it. */
public final class HelpPanel implements Overlay {

    private final String tabTitle;
    private final List<KeyHelp> tabKeys;
    private final List<KeyHelp> globalKeys;

    /** Help for the tab {@code tabTitle}. */
    public HelpPanel(String tabTitle, List<KeyHelp> tabKeys, List<KeyHelp> globalKeys) {
        this.tabTitle = tabTitle;
        this.tabKeys = tabKeys;
        this.globalKeys = globalKeys;
    }

    @Override
    public boolean handle(KeyStroke key) {
        return false;
    }

    @Override
    public void render(Canvas screen) {
        int keyWidth = 4 + Math.max(width(tabKeys), width(globalKeys));
        int lines = tabKeys.size() + globalKeys.size() + 5;
        int descriptions = Math.max(widthOfDescriptions(tabKeys), widthOfDescriptions(globalKeys));
        int w = Math.min(screen.width() - 2, Math.max(60, keyWidth + descriptions + 6));
        int h = Math.min(screen.height() - 2, lines + 2);
        Canvas box = screen.region((screen.width() - w) / 2, Math.max(1, (screen.height() - h) / 2), w, h);
        box.clear();
        box.fill(0, 0, box.width(), Style.TAB_ACTIVE);
        box.text(1, 0, "Keys of " + tabTitle + " (any key closes)", Style.TAB_ACTIVE);
        int y = 2;
        y = section(box, y, tabTitle, tabKeys, keyWidth);
        section(box, y + 1, "Everywhere", globalKeys, keyWidth);
    }

    private static int section(Canvas box, int y, String title, List<KeyHelp> keys, int keyWidth) {
        box.text(2, y++, title, Style.HEADER);
        for (KeyHelp help : keys) {
            box.text(4, y, help.keys(), Style.KEY);
            box.text(4 + keyWidth, y, help.description(), box.width() - 5 - keyWidth, Style.NORMAL);
            y++;
        }
        return y;
    }

    private static int widthOfDescriptions(List<KeyHelp> keys) {
        return keys.stream().mapToInt(k -> k.description().length()).max().orElse(0);
    }

    private static int width(List<KeyHelp> keys) {
        return keys.stream().mapToInt(k -> k.keys().length()).max().orElse(0);
    }
}
