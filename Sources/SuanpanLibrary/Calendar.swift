import SuanpanPlugin

/// calendar: date arithmetic, month boundaries and billing cycles.
extension StandardLibrary {
    public static var calendar: Plugin {
        Plugin(name: "calendar", version: "1.0.0", summary: "Dates, month boundaries and billing cycles")
    }
}
