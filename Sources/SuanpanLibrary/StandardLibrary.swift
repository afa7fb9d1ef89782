import SuanpanPlugin

/// Suanpan's own libraries. They are ordinary plugins: everything they do goes
/// through the same API a third party uses (Sources/SuanpanPlugin).
public enum StandardLibrary {
    public static var plugins: [Plugin] { [finance, funds, calendar, math] }
}
