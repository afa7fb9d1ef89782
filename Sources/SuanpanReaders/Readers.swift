import SuanpanData
import SuanpanPlugin

/// The built-in data readers, each a plugin on the same API a third party uses.
public enum Readers {
    public static var plugins: [Plugin] { [] }
}
