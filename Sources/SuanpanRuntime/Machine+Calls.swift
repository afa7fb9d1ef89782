import SuanpanChecker
import SuanpanSyntax
import SuanpanValues

/// Entering and leaving calls: frames, the depth and nesting limits, the trace of a failure.
extension Machine {
    /// Starts a call: one level deeper, with a frame for the callee's slots.
    /// The caller fills the arguments into slots 0…n-1, then calls `finish`
    /// (and always `leave`).
    @inline(__always)
    func enter(_ callee: CompiledFunction, at span: Span, in file: SourceFile) throws(RuntimeError) -> Frame {
        if depth >= Machine.maxDepth { throw depthError(at: span, in: file) }
        calls &+= 1
        if calls >= nextCheck { try checkpoint(file: file, span: span) }
        let height = callee.height
        if nesting + height > Machine.maxNesting { throw nestingError(at: span, in: file) }
        nesting += height
        let frame: Frame
        if depth < frames.count, frames[depth].capacity >= callee.frameSize {
            frame = frames[depth]
        } else {
            frame = newFrame(callee.frameSize)
        }
        depth += 1
        return frame
    }

    /// A frame for the current depth, kept for the next call at this depth.
    @inline(never)
    func newFrame(_ size: Int) -> Frame {
        let frame = Frame(size: size, machine: self)
        if depth < frames.count { frames[depth] = frame } else { frames.append(frame) }
        return frame
    }

    /// `enter` for a call compiled in place (`Compiler.inlineCall`): the same step,
    /// depth and nesting, and no frame.
    @inline(__always)
    func enterInPlace(_ callee: CompiledFunction, at span: Span, in file: SourceFile) throws(RuntimeError) {
        if depth >= Machine.maxDepth { throw depthError(at: span, in: file) }
        calls &+= 1
        if calls >= nextCheck { try checkpoint(file: file, span: span) }
        let height = callee.height
        if nesting + height > Machine.maxNesting { throw nestingError(at: span, in: file) }
        nesting += height
        depth += 1
    }

    @inline(never)
    func depthError(at span: Span, in file: SourceFile) -> RuntimeError {
        RuntimeError("rules nested more than \(Machine.depthText) calls deep", file: file, span: span,
                     hint: "calls may nest at most \(Machine.depthText) deep, even when they would stop later; "
                         + "for a long sequence go through a list with fold or scan instead of recursing: "
                         + "fold total = 0 CNY for b in bills => total + b.amount")
    }

    @inline(never)
    func nestingError(at span: Span, in file: SourceFile) -> RuntimeError {
        RuntimeError("evaluation nested too deeply (rules within rules, each a deep expression)", file: file, span: span,
                     hint: "split long expressions into lets, or recurse less deeply")
    }

    @inline(__always)
    func leave(_ callee: CompiledFunction) {
        depth -= 1
        nesting -= callee.height
    }

    func call(_ callee: CompiledFunction, _ args: [Value], at span: Span, in file: SourceFile) throws(RuntimeError) -> Value {
        let frame = try enter(callee, at: span, in: file)
        defer { leave(callee) }
        for (i, a) in args.enumerated() where i < frame.capacity { frame.slots[i] = a }
        return try finish(callee, frame, at: span, in: file)
    }

    /// Runs a function's body in a frame whose arguments are in place.
    @inline(__always)
    func finish(_ callee: CompiledFunction, _ frame: Frame, at span: Span, in file: SourceFile) throws(RuntimeError) -> Value {
        do {
            return try callee.body(frame)
        } catch {
            throw failed(error, in: callee, at: span, in: file)
        }
    }

    /// A callee's error, with the call in its trace.
    @inline(never)
    func failed(_ error: RuntimeError, in callee: CompiledFunction, at span: Span, in file: SourceFile) -> RuntimeError {
        let def = callee.definition
        var e = error
        if e.limit != nil, !e.namesRule {
            // A budget's error says which rule was running when it ran out.
            e.message += ", while running \(def.qualifiedName)"
            e.namesRule = true
        }
        if e.trace.count < 20 {
            e.trace.append("in \(def.qualifiedName), called at \(file.path):\(file.location(of: span.start))")
        }
        return e
    }
}
