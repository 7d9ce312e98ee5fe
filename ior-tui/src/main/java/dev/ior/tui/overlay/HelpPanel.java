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
        int keyWidth = 2 + Math.max(width(tabKeys), width(globalKeys));
        int descriptions = Math.max(widthOfDescriptions(tabKeys), widthOfDescriptions(globalKeys));
        int column = keyWidth + descriptions + 4;
        // side by side when one column would not fit the height and two fit the width
        boolean sideBySide = tabKeys.size() + globalKeys.size() + 6 > screen.height() - 2
                && screen.width() - 2 >= 2 * Math.min(column, 60) + 1;
        int rows = sideBySide ? Math.max(tabKeys.size(), globalKeys.size()) + 3
                : tabKeys.size() + globalKeys.size() + 6;
        int w = Math.min(screen.width() - 2, sideBySide ? 2 * column + 1 : Math.max(60, column));
        int h = Math.min(screen.height() - 2, rows + 1);
        Canvas box = screen.region((screen.width() - w) / 2, Math.max(1, (screen.height() - h) / 2), w, h);
        box.clear();
        box.fill(0, 0, box.width(), Style.TAB_ACTIVE);
        box.text(1, 0, "Keys of " + tabTitle + " (any key closes)", Style.TAB_ACTIVE);
        if (sideBySide) {
            int half = (box.width() - 1) / 2;
            section(box.region(0, 2, half, box.height() - 2), tabTitle, tabKeys, keyWidth);
            section(box.region(half + 1, 2, box.width() - half - 1, box.height() - 2), "Everywhere", globalKeys,
                    keyWidth);
        } else {
            int y = section(box.region(0, 2, box.width(), box.height() - 2), tabTitle, tabKeys, keyWidth);
            section(box.region(0, 3 + y, box.width(), box.height() - 3 - y), "Everywhere", globalKeys, keyWidth);
        }
    }

    /** Draws a titled list of keys; returns the rows used. */
    private static int section(Canvas area, String title, List<KeyHelp> keys, int keyWidth) {
        int y = 0;
        area.text(1, y++, title, Style.HEADER);
        for (KeyHelp help : keys) {
            area.text(2, y, help.keys(), Style.KEY);
            area.text(2 + keyWidth, y, help.description(), area.width() - 3 - keyWidth, Style.NORMAL);
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
