import SuanpanSyntax
/// One overload of a plugin function as its plugin declared it: the function's
/// name, which overload the checker chose, and that overload's parameter names
/// as its signature writes them. `PluginSet` builds one per overload when it adds
/// the plugin, and every call of that overload shares it, so a call pays for a
/// lookup, never for building names. Implementations name themselves and their
/// arguments through it, so no implementation repeats its declaration.
public final class Callee: Sendable {
    public let plugin: String
    public let function: String
    /// The overload's position among the function's signatures (0, 1, …).
    public let overload: Int
    /// Every parameter of the overload, optional ones included, in order.
    public let parameters: [String]

    public init(plugin: String, function: String, overload: Int, parameters: [String]) {
        self.plugin = plugin
        self.function = function
        self.overload = overload
        self.parameters = parameters
    }

    /// `finance.pmt`, as the trace and the checker name the function.
    public var qualifiedName: String { "\(plugin).\(function)" }

    /// `argument 3 ('pv')`: an argument by its position (from 0) and its declared name.
    /// A position past the declared parameters (a plugin bug) still gets its number.
    public func label(_ i: Int) -> String {
        parameters.indices.contains(i) ? "argument \(i + 1) (\(quoted(parameters[i])))" : "argument \(i + 1)"
    }
}
