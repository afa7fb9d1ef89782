import Foundation

/// Ctrl-C. The handler only sets a flag (it is async-signal-safe); readline then
/// returns with EINTR, and evaluation polls the flag between calls.
public enum Interrupt {
    nonisolated(unsafe) static var flag: sig_atomic_t = 0

    public static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in Interrupt.flag = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: readline must see EINTR
        sigaction(SIGINT, &action, nil)
    }

    public static var isSet: Bool { flag != 0 }
    public static func clear() { flag = 0 }
}
