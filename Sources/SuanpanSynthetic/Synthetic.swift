/// Reproducible synthetic populations: a seed and a distribution per field,
/// written as CSV or SQLite.
public enum Synthetic {}
