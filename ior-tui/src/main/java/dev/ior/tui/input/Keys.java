package dev.ior.tui.input;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;

/** Reading key strokes the way the dashboard binds them: vi keys and arrows alike. */
public final class Keys {

    private Keys() {
    }

    /** Whether {@code key} is the plain character {@code c} (no Ctrl, no Alt). */
    public static boolean is(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.getCharacter() == c && !key.isCtrlDown()
                && !key.isAltDown();
    }

    /** Whether {@code key} is Ctrl+{@code c} ({@code c} lower case). */
    public static boolean ctrl(KeyStroke key, char c) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown()
                && Character.toLowerCase(key.getCharacter()) == c;
    }

    /** Whether {@code key} is of {@code type}. */
    public static boolean is(KeyStroke key, KeyType type) {
        return key.getKeyType() == type;
    }

    /** ← or h. */
    public static boolean left(KeyStroke key) {
        return is(key, KeyType.ArrowLeft) || is(key, 'h');
    }

    /** → or l. */
    public static boolean right(KeyStroke key) {
        return is(key, KeyType.ArrowRight) || is(key, 'l');
    }

    /** ↑ or k. */
    public static boolean up(KeyStroke key) {
        return is(key, KeyType.ArrowUp) || is(key, 'k');
    }

    /** ↓ or j. */
    public static boolean down(KeyStroke key) {
        return is(key, KeyType.ArrowDown) || is(key, 'j');
    }

    /** Enter. */
    public static boolean enter(KeyStroke key) {
        return is(key, KeyType.Enter);
    }

    /** Escape. */
    public static boolean escape(KeyStroke key) {
        return is(key, KeyType.Escape);
    }

    /** A printable character typed without Ctrl or Alt (for text entry), or 0. */
    public static char typed(KeyStroke key) {
        if (key.getKeyType() != KeyType.Character || key.isCtrlDown() || key.isAltDown()) {
            return 0;
        }
        char c = key.getCharacter();
        return Character.isISOControl(c) ? 0 : c;
    }
}
