import CSuanpanPlugin
import SuanpanChecker
import SuanpanRuntime
import SuanpanSyntax
import SuanpanValues
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Loads shared libraries that speak the C ABI of `suanpan_plugin.h` and turns
/// each into an ordinary `Plugin`. Everything a library says is checked before
/// it is used: a missing file, a library without the entry symbol, another ABI
/// version, a malformed declaration or signature is a `PluginProblem` naming
/// the plugin, never a crash.
public enum NativePlugin {
    public static func load(path: String) throws(PluginProblem) -> Plugin {
        func problem(_ m: String) -> PluginProblem { PluginProblem(plugin: path, message: m) }
        // A bare name would make dlopen search the system's library path; plugins are files.
        let file = path.contains("/") ? path : "./" + path
        guard let handle = dlopen(file, RTLD_NOW | RTLD_LOCAL) else {
            throw problem("cannot load: \(dlerror().map { String(cString: $0) } ?? "unknown error")")
        }
        guard let symbol = dlsym(handle, SUANPAN_PLUGIN_ENTRY) else {
            throw problem("not a Suanpan plugin: it does not export \(quoted(SUANPAN_PLUGIN_ENTRY))")
        }
        typealias Entry = @convention(c) () -> UnsafePointer<sp_plugin>?
        let entry = unsafeBitCast(symbol, to: Entry.self)
        guard let description = entry()?.pointee else { throw problem("\(quoted(SUANPAN_PLUGIN_ENTRY)) returned nothing") }
        guard description.abi_version == SUANPAN_PLUGIN_ABI_VERSION else {
            throw problem("speaks plugin ABI version \(description.abi_version); this Suanpan speaks version \(SUANPAN_PLUGIN_ABI_VERSION)")
        }
        guard let name = text(description.name), !name.isEmpty else { throw problem("the plugin has no name") }
        var plugin = Plugin(name: name, version: text(description.version) ?? "unversioned", summary: text(description.summary) ?? "")
        let count = Int(description.function_count)
        guard count >= 0, count <= 10_000, count == 0 || description.functions != nil else {
            throw problem("the plugin declares \(count) functions but gives no list of them")
        }
        var declarations: [(name: String, signature: String, summary: String, call: sp_function)] = []
        for i in 0..<count {
            let d = description.functions[i]
            guard let fname = text(d.name), let signature = text(d.signature), let call = d.call else {
                throw problem("declaration \(i + 1) lacks a name, a signature or a function")
            }
            // Record types cannot cross the C ABI, so a native signature is read with none known.
            if case .failure(let d) = Overload.parse(signature, records: []) {
                throw problem("function \(quoted(fname)) has a malformed signature \"\(signature)\": \(d.message)")
            }
            if let bad = uncrossable(signature) {
                throw problem("function \(quoted(fname)): \(quoted(bad)) cannot cross the C ABI (numbers, money, bool, string and date can)")
            }
            declarations.append((fname, signature, text(d.summary) ?? "", call))
        }
        // Declarations sharing a name are the overloads of one function.
        var seen: [String] = []
        for d in declarations where !seen.contains(d.name) {
            seen.append(d.name)
            let group = declarations.filter { $0.name == d.name }
            let calls = group.map(\.call)
            plugin.function(d.name, signatures: group.map(\.signature), summary: group[0].summary) { args throws(ExternalError) in
                guard calls.indices.contains(args.overload) else { throw args.error("internal error: no overload \(args.overload)") }
                return try invoke(calls[args.overload], args)
            }
        }
        return plugin
    }

    static func text(_ p: UnsafePointer<CChar>?) -> String? {
        p.map { String(cString: $0) }
    }

    /// The first type in a signature that has no C representation (a malformed
    /// signature is left for `PluginSet` to report).
    static func uncrossable(_ signature: String) -> String? {
        guard case .success(let overload) = Overload.parse(signature, records: []) else { return nil }
        for pattern in overload.parameters.map(\.pattern) + [overload.result] {
            switch pattern {
            case .list, .exact(.list), .exact(.record), .exact(.roundingMode): return pattern.description
            default: continue
            }
        }
        return nil
    }

    /// One call through the C ABI; problems the host finds are named from the
    /// declaration (`arguments.callee`), problems the plugin reports are its own words.
    static func invoke(_ call: sp_function, _ arguments: Arguments) throws(ExternalError) -> Value {
        let name = arguments.callee.qualifiedName
        var args: [sp_value] = []
        var strings: [UnsafeMutablePointer<CChar>] = []
        defer { strings.forEach { free($0) } }
        for (i, v) in arguments.values.enumerated() {
            var c = sp_value()
            switch v {
            case .decimal(let d):
                c.kind = Int32(SP_NUMBER.rawValue)
                (c.units_high, c.units_low) = split(d.units)
            case .money(let d, let currency):
                c.kind = Int32(SP_MONEY.rawValue)
                (c.units_high, c.units_low) = split(d.units)
                let code = Array(currency.code.utf8.prefix(3)).map { CChar(bitPattern: $0) }
                c.currency = (code.count > 0 ? code[0] : 0, code.count > 1 ? code[1] : 0, code.count > 2 ? code[2] : 0, 0)
            case .bool(let b):
                c.kind = Int32(SP_BOOL.rawValue)
                c.boolean = b ? 1 : 0
            case .string(let s):
                c.kind = Int32(SP_STRING.rawValue)
                guard let copy = strdup(s) else { throw ExternalError("out of memory") }
                strings.append(copy)
                c.string = UnsafePointer(copy)
            case .date(let d):
                c.kind = Int32(SP_DATE.rawValue)
                c.date = d.dayNumber
            default:
                throw arguments.argumentError(i, "cannot cross the C ABI")
            }
            args.append(c)
        }
        var result = sp_value()
        var message = [CChar](repeating: 0, count: 512)
        let status = args.withUnsafeBufferPointer { buffer in
            message.withUnsafeMutableBufferPointer { m in
                call(Int32(arguments.overload), buffer.baseAddress, Int32(buffer.count), &result, m.baseAddress, Int32(m.count))
            }
        }
        if status != 0 {
            // The plugin's message, up to its NUL (or the buffer's end if it wrote none).
            let bytes = message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            throw ExternalError(text.isEmpty ? "\(name) failed (status \(status))" : text)
        }
        return try value(of: result, name)
    }

    static func split(_ units: Int128) -> (Int64, UInt64) {
        (Int64(truncatingIfNeeded: units >> 64), UInt64(truncatingIfNeeded: units))
    }

    /// A result from the plugin, validated: kind, currency code, date range.
    static func value(of r: sp_value, _ name: String) throws(ExternalError) -> Value {
        let units = Int128(r.units_high) << 64 | Int128(r.units_low)
        switch r.kind {
        case Int32(SP_NUMBER.rawValue):
            guard units != Int128.min else { throw ExternalError("\(name) returned a number out of range") }
            return .decimal(FixedDecimal(units: units))
        case Int32(SP_MONEY.rawValue):
            var code = r.currency
            let text = withUnsafeBytes(of: &code) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
            guard let currency = Currency.named(text) else { throw ExternalError("\(name) returned money in an unknown currency \(quoted(text))") }
            guard units != Int128.min else { throw ExternalError("\(name) returned an amount out of range") }
            return .money(FixedDecimal(units: units), currency)
        case Int32(SP_BOOL.rawValue):
            return .bool(r.boolean != 0)
        case Int32(SP_STRING.rawValue):
            guard let s = r.string else { throw ExternalError("\(name) returned a null string") }
            return .string(String(cString: s))
        case Int32(SP_DATE.rawValue):
            guard let d = CivilDate(dayNumber: r.date) else { throw ExternalError("\(name) returned a date outside years 1-9999") }
            return .date(d)
        default:
            throw ExternalError("\(name) returned a value of unknown kind \(r.kind)")
        }
    }
}
