"""The sandbox every template runs in: what a template may read and call is listed here, and nothing else.

An allow-list, not a deny-list: a template sees plain data (render/plain.py) and may read only the
attributes and call only the methods named below, so a Python object that slips in by mistake still
offers nothing. Every hook also checks the render's bounds (render/limits.py).
"""

from __future__ import annotations

import functools
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.environment import TemplateModule
from jinja2.exceptions import SecurityError, TemplateRuntimeError, UndefinedError
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.runtime import BlockReference, Context, LoopContext, Macro, Undefined, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import Cycler, Joiner, Namespace, generate_lorem_ipsum, missing, pass_eval_context
from jinja2.visitor import NodeTransformer
from markupsafe import soft_str

from handoff_cli.core.render_settings import RenderSettings
from handoff_cli.render.documents import Criterion, Line
from handoff_cli.render.limits import MAX_LIPSUM, MAX_NUMBER_BITS, Budget, LimitReached
from handoff_cli.render.plain import Withheld

_DAY = frozenset({"year", "month", "day", "isoformat", "weekday", "isoweekday"})
_NOTHING: frozenset[str] = frozenset()
# type -> the attributes a template may read (and, where they are methods, call); the first match in the MRO wins
READABLE: dict[type, frozenset[str]] = {
    str: frozenset({"upper", "lower", "title", "capitalize", "strip", "lstrip", "rstrip", "startswith",
                    "endswith", "split"}),
    datetime: _DAY | {"hour", "minute", "date"},
    date: _DAY,
    dict: frozenset({"items", "keys", "values", "get"}),
    Line: frozenset({"kind", "english", "facts"}),
    Criterion: frozenset({"metric", "unit", "baseline", "target", "by", "english"}),
    LoopContext: frozenset({"index", "index0", "revindex", "revindex0", "first", "last", "length", "depth",
                            "depth0", "previtem", "nextitem", "cycle", "changed"}),
    Cycler: frozenset({"current", "next", "reset"}),
    **{kind: _NOTHING for kind in (bool, int, float, Decimal, type(None), list, tuple, range, Joiner, Macro)},
}
# Jinja's own filters that cannot grow a value without bound (no `format`, `center`, `indent`, `wordwrap`,
# `batch`, `slice`) nor reach an attribute by name (no `attr`); every filter's result is size-checked too
FILTERS = frozenset({
    "abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape", "first", "float", "forceescape",
    "groupby", "int", "items", "join", "last", "length", "list", "lower", "map", "max", "min", "reject",
    "rejectattr", "replace", "reverse", "round", "safe", "select", "selectattr", "sort", "string", "striptags",
    "sum", "title", "tojson", "trim", "truncate", "unique", "upper", "urlencode", "wordcount",
})


def readable(obj: object) -> frozenset[str] | None:
    """The attributes a template may read on `obj`; None when its type is not on the list at all."""
    for kind in type(obj).__mro__:
        if kind in READABLE:
            return READABLE[kind]
    return None


def _internal(name: object) -> SecurityError:
    return SecurityError(f"{name!r} is internal and this document goes to the customer")


class _Withholding(StrictUndefined):
    """An undefined top-level name; one the customer's view left out is refused by name, not just undefined."""

    withheld: frozenset[str] = frozenset()

    def __init__(self, hint: str | None = None, obj: Any = missing, name: str | None = None,
                 exc: type[TemplateRuntimeError] = UndefinedError) -> None:
        if name in self.withheld:
            raise _internal(name)
        super().__init__(hint, obj, name, exc)


def _refused(obj: object, attribute: object) -> SecurityError:
    return SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe.")


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with an allow-list of attributes and callables, and the render's bounds."""

    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, limits: RenderSettings, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget(limits)
        # called by the code every `{% for %}` and `~` compiles to (see _Bounded)
        self.bounded_iter = self._bounded_iter
        self.bounded_concat = self._bounded_concat
        self.globals = {"range": self._range, "lipsum": self._lipsum, "dict": dict, "namespace": Namespace,
                        "cycler": Cycler, "joiner": Joiner}
        self._callables = (self.bounded_iter, self.bounded_concat, *self.globals.values())
        self.filters = {name: self.bounded(f) for name, f in JINJA_FILTERS.items() if name in FILTERS}

    def withhold(self, view: Withheld) -> None:
        """A document for the customer: the names its view left out are refused, at the top level too."""
        self.undefined = type("Withholding", (_Withholding,), {"withheld": view.withheld})

    def add_filters(self, filters: Mapping[str, Callable[..., Any]]) -> None:
        self.filters.update({name: self.bounded(f) for name, f in filters.items()})

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        # Jinja has no hook for iteration or `~`: the parsed tree routes both through the bounds
        return _Bounded(self).visit(super()._parse(source, name, filename))  # type: ignore[no-any-return]

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        allowed = readable(obj)
        return allowed is not None and attr in allowed

    def is_safe_callable(self, obj: Any) -> bool:
        if any(obj is known for known in self._callables):
            return True
        if isinstance(obj, Macro | BlockReference | LoopContext | Joiner | Undefined):
            return True  # calling an undefined value raises its own error
        if isinstance(obj, types.BuiltinMethodType | types.MethodType):
            owner = obj.__self__
            allowed = None if isinstance(owner, type | types.ModuleType) else readable(owner)
            return allowed is not None and obj.__name__ in allowed
        return False

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.budget.tick()
        if attribute.startswith("_"):
            raise _refused(obj, attribute)
        if isinstance(obj, Undefined):
            return getattr(obj, attribute)  # raises the undefined value's own error
        # data first: a view's `items` is its list of lines, not dict.items
        if isinstance(obj, dict) and attribute in obj:
            return obj[attribute]
        if isinstance(obj, Withheld) and attribute in obj.withheld:
            raise _internal(attribute)
        if isinstance(obj, Line) and attribute in obj.facts:
            return obj.facts[attribute]
        if isinstance(obj, Namespace | TemplateModule):
            # a namespace's values, an imported template's macros and variables
            try:
                return getattr(obj, attribute)
            except AttributeError:
                return self.undefined(obj=obj, name=attribute)
        allowed = readable(obj)
        if allowed is not None and attribute in allowed:
            return getattr(obj, attribute)
        if allowed is None or hasattr(obj, attribute):
            raise _refused(obj, attribute)
        return self.undefined(obj=obj, name=attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.budget.tick()
        if isinstance(obj, dict | list | tuple | str | range | Line):
            try:
                return obj[argument]
            except (TypeError, LookupError):
                if isinstance(obj, Withheld) and argument in obj.withheld:
                    raise _internal(argument) from None
        elif isinstance(obj, Undefined):
            return obj[argument]
        if isinstance(argument, str):
            return self.getattr(obj, argument)
        if readable(obj) is None:
            raise _refused(obj, argument)
        return self.undefined(obj=obj, name=argument)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        __self.budget.enter()
        try:
            result = super().call(__context, __obj, *args, **kwargs)
        finally:
            __self.budget.leave()
        __self.budget.size(result)
        return result

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        self.budget.tick()
        if operator == "%" and isinstance(left, str):
            raise SecurityError("formatting text with % is not allowed in templates; use the filters")
        if operator == "*":
            for sized, times in ((left, right), (right, left)):
                if isinstance(sized, str | list | tuple) and isinstance(times, int):
                    self.budget.length(len(sized) * max(times, 0), _what(sized))
        if operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            self.budget.length(len(left) + len(right), _what(left))
        if (operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0
                and right * max(abs(left).bit_length() - 1, 1) > MAX_NUMBER_BITS):
            raise LimitReached(f"over the limit: {left} ** {right} is a number of more than {MAX_NUMBER_BITS:,} "
                                   "bits")
        result = self.binop_table[operator](left, right)
        self.budget.size(result)
        return result

    def _bounded_iter(self, iterable: Iterable[Any]) -> Iterator[Any]:
        for item in iterable:
            self.budget.tick()
            yield item

    @pass_eval_context
    def _bounded_concat(self, eval_ctx: Any, *values: Any) -> str:
        parts = [soft_str(v) for v in values]
        self.budget.length(sum(map(len, parts)), "a string")
        joined: str = markup_join(parts) if eval_ctx.autoescape else str_join(parts)
        return joined

    def _range(self, *args: int) -> range:
        numbers = range(*args)
        try:
            n = len(numbers)
        except OverflowError:
            n = self.budget.largest + 1
        self.budget.length(n, "a range")
        return numbers

    def _lipsum(self, n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
        if n > MAX_LIPSUM or max > MAX_LIPSUM:
            raise LimitReached(f"over the limit: lipsum(n={n}, max={max}); at most {MAX_LIPSUM} of each")
        text: str = generate_lorem_ipsum(n, html, min, max)
        return text

    def bounded(self, f: Callable[..., Any]) -> Callable[..., Any]:
        """A filter that checks the time before it runs and the size of what it returns."""

        @functools.wraps(f)  # keeps Jinja's pass_context / pass_environment marks
        def run(*args: Any, **kwargs: Any) -> Any:
            self.budget.tick()
            result = f(*args, **kwargs)
            self.budget.size(result)
            return result

        return run


def _what(value: object) -> str:
    return "a string" if isinstance(value, str) else "a sequence"


class _Bounded(NodeTransformer):
    """Every loop iterates through the sandbox's `bounded_iter`, every `~` joins through `bounded_concat`."""

    def __init__(self, env: Sandbox) -> None:
        self.env = env

    def _call(self, name: str, args: list[nodes.Expr], lineno: int) -> nodes.Call:
        call = nodes.Call(nodes.EnvironmentAttribute(name), args, [], None, None, lineno=lineno)
        call.set_environment(self.env)
        return call

    def visit_For(self, node: nodes.For) -> nodes.For:
        self.generic_visit(node)
        assert isinstance(node.iter, nodes.Expr)
        node.iter = self._call("bounded_iter", [node.iter], node.iter.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Call:
        self.generic_visit(node)
        return self._call("bounded_concat", [n for n in node.nodes if isinstance(n, nodes.Expr)], node.lineno)
