/// Renders scenario reports and comparisons.
public enum Render {}
