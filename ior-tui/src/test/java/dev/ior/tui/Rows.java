package dev.ior.tui;

/** Builds expected screen rows: labels at given columns. */
public final class Rows {

    private Rows() {
    }

    /** A row with {@code labels[i+1]} at column {@code labels[i]}, blanks between, trailing blanks cut. */
    public static String at(Object... columnsAndLabels) {
        StringBuilder row = new StringBuilder();
        for (int i = 0; i < columnsAndLabels.length; i += 2) {
            int column = (Integer) columnsAndLabels[i];
            while (row.length() < column) {
                row.append(' ');
            }
            row.setLength(column);
            row.append(columnsAndLabels[i + 1]);
        }
        return row.toString().stripTrailing();
    }
}
