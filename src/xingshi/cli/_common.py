"""What every command shares: the console, the workspace and as-of options, names and periods
read the same way everywhere, and a command line that speaks Chinese (help, usage, errors)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from typer import _click, rich_utils
from typer.core import TyperCommand, TyperGroup

from xingshi.errors import XingshiError

console = Console()
err_console = Console(stderr=True)

DEFAULT_WORKSPACE = "xingshi-data"
HELP_NAMES = ["-h", "--help"]
CONTEXT = {"help_option_names": HELP_NAMES}

# The help and error texts Typer prints, in Chinese.
rich_utils.DEPRECATED_STRING = "（已停用）"
rich_utils.DEFAULT_STRING = "[默认：{}]"
rich_utils.ENVVAR_STRING = "[环境变量：{}]"
rich_utils.REQUIRED_LONG_STRING = "[必填]"
rich_utils.ARGUMENTS_PANEL_TITLE = "参数"
rich_utils.OPTIONS_PANEL_TITLE = "选项"
rich_utils.COMMANDS_PANEL_TITLE = "命令"
rich_utils.ERRORS_PANEL_TITLE = "错误"
rich_utils.ABORTED_TEXT = "已中止。"
rich_utils.RICH_HELP = "用 [blue]{command_path} {help_option}[/] 查看帮助。"
# Metavars by the parameter's type name, so that the options table shows no TEXT or PATH.
_METAVAR = {"str": "文本", "int": "整数", "float": "数字", "bool": "是/否"}
_ARGUMENT = {"files": "文件", "file": "文件", "draft": "讲话稿", "directory": "目录"}


def default_workspace() -> Path:
    return Path(os.environ.get("XINGSHI_HOME") or DEFAULT_WORKSPACE)


WorkspaceOpt = Annotated[
    Path | None,
    typer.Option(
        "--workspace",
        "-w",
        help="工作区目录（默认取环境变量 XINGSHI_HOME，否则 ./xingshi-data）；也可写在命令前",
        show_default=False,
        metavar="目录",
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="按某次导入时的数据：版本号（见 xingshi releases）或日期，如 2021-07-15",
        metavar="版本或日期",
    ),
]


def root_workspace() -> Path | None:
    """The ``--workspace`` given before the command (``xingshi -w DIR show …``), if any."""
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    return (root.obj or {}).get("workspace") if root is not None else None


def resolve_workspace(workspace: Path | None) -> Path:
    """The command's ``--workspace``, else the one given before the command, else the default."""
    if workspace is not None:
        return workspace
    given = root_workspace()
    return given if given is not None else default_workspace()


def open_ws(workspace: Path | None) -> Any:
    from xingshi.workspace import open_workspace

    return open_workspace(resolve_workspace(workspace))


def resolve_region(ws: Any, text: str, out: Console | None = None) -> Any:
    """The region ``text`` names; a short name a province shares with a prefecture (海南, 吉林)
    means the province, and a line says so and how to name the other."""
    from xingshi.jobs import region_note

    region = ws.regions.resolve(text)
    note = region_note(ws.regions, text, region)
    if note:
        (out or console).print(note, highlight=False)
    return region


def read_period(ws: Any, region_code: str, text: str, as_of: Any, out: Console | None) -> Any:
    """The period ``text`` names, read the same way in every command; a period written without
    a year takes the latest year the store holds, and a line says which."""
    from xingshi.jobs import resolve_period

    period, inferred = resolve_period(ws, region_code, text, as_of=as_of)
    if inferred:
        (out or console).print(
            f"时期未写年份，按库中该地区有数据的最近年份：{period.label}", highlight=False
        )
    return period


def _chinese_params(command: Any) -> None:
    """Chinese metavars (文本, 路径, 整数) instead of <str>, <Path>, <int>; flags show none."""
    for param in command.params:
        if getattr(param, "metavar", None) is not None:
            continue
        if getattr(param, "is_flag", False):
            param.metavar = ""
            continue
        desc = getattr(param, "type_descriptor", None)
        annotation = getattr(desc, "annotation", None)
        label = (
            "路径"
            if getattr(desc, "is_path", False)
            else _METAVAR.get(getattr(annotation, "__name__", ""), "值")
        )
        if getattr(param, "param_type_name", "") == "argument":
            # the name column says it all; the type column (<list[Path]>) would be English
            param.metavar = _ARGUMENT.get(param.name or "", label)
            param.display_type_rich = lambda ctx: None
            continue
        param.metavar = label


def _chinese_help(opt: Any) -> Any:
    if opt is not None:
        opt.help, opt.metavar = "显示本帮助并退出", ""
    return opt


class XingshiCommand(TyperCommand):
    """A command whose help is in Chinese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[选项]"
        _chinese_params(self)

    def get_help_option(self, ctx: Any) -> Any:
        return _chinese_help(TyperCommand.get_help_option(self, ctx))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), "用法：")


class XingshiGroup(TyperGroup):
    """The root command: Chinese help and usage; library errors and command-line mistakes
    become a Chinese message and exit code 2, never a traceback or an English line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[选项]"
        self.subcommand_metavar = "命令 [参数]..."
        _chinese_params(self)

    def get_help_option(self, ctx: Any) -> Any:
        return _chinese_help(TyperGroup.get_help_option(self, ctx))

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), "用法：")

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        if name and self.get_command(ctx, name) is None and not name.startswith("-"):
            known = "、".join(self.list_commands(ctx))
            raise _click.exceptions.UsageError(f"没有“{name}”这个命令。可用的命令：{known}", ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except XingshiError as exc:
            # File names and cell values may hold "[...]": print them as text, not markup.
            err_console.print(f"[bold red]错误[/]：{escape(exc.describe())}", highlight=False)
            raise SystemExit(exc.exit_code) from None

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
            # typer.Exit(n) comes back as its code; a command's own result means success
            code = rv if isinstance(rv, int) and not isinstance(rv, bool) else 0
            if not standalone_mode:
                return rv
        except _click.exceptions.NoArgsIsHelpError as exc:
            console.print(exc.ctx.get_help() if exc.ctx else "")
            code = 0
        except _click.exceptions.ClickException as exc:
            _print_usage_error(exc)
            code = 2
        except typer.Abort:
            err_console.print(rich_utils.ABORTED_TEXT, highlight=False)
            code = 1
        if not standalone_mode:
            return code
        sys.exit(code)


def usage_message(exc: Any) -> str:
    """A command-line mistake in Chinese: unknown option, missing option, bad value."""
    ex = _click.exceptions
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, ex.NoSuchOption):
        text = f"没有选项 {exc.option_name}"
        if exc.possibilities:
            text += f"；是否指：{'、'.join(sorted(exc.possibilities))}"
        return text
    param = getattr(exc, "param", None)
    name = _param_name(param) if param is not None else ""
    if isinstance(exc, ex.MissingParameter):
        kind = "参数" if getattr(param, "param_type_name", "") == "argument" else "选项"
        return f"缺少{kind} {name}" + (f"（{param.help}）" if getattr(param, "help", None) else "")
    if isinstance(exc, ex.BadParameter):
        return f"{name or '参数'} 的值无效：{_translate(exc.message)}"
    if isinstance(exc, ex.BadOptionUsage):
        opt = getattr(exc, "option_name", "")
        if "requires" in exc.message:
            return f"选项 {opt} 后面需要写一个值"
        if "does not take" in exc.message:
            return f"选项 {opt} 不带值"
    message = _translate(exc.message if hasattr(exc, "message") else str(exc))
    return message if ctx is None or message else "命令行有误"


def _param_name(param: Any) -> str:
    opts = [o for o in getattr(param, "opts", []) if o.startswith("--")]
    if opts:
        return opts[0]
    return str(getattr(param, "metavar", None) or getattr(param, "name", "") or "").upper()


_PHRASES = (
    ("Got unexpected extra argument(s)", "多余的参数："),
    ("Got unexpected extra arguments", "多余的参数："),
    ("Got unexpected extra argument", "多余的参数："),
    ("Missing command.", "缺少命令"),
    ("does not exist.", "不存在"),
    ("is a directory.", "是目录，不是文件"),
    ("is a file.", "是文件，不是目录"),
    ("is not readable.", "不可读"),
    ("is not a valid integer", "不是整数"),
    ("is not a valid float", "不是数字"),
    ("is not a valid boolean", "不是是/否值"),
    ("is not one of", "不是可选值之一："),
)


def _translate(message: str) -> str:
    for en, zh in _PHRASES:
        message = message.replace(en, zh)
    return message


def _print_usage_error(exc: Any) -> None:
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        err_console.print(escape(ctx.get_usage()), highlight=False)
    err_console.print(f"[bold red]错误[/]：{escape(usage_message(exc))}", highlight=False)
    if ctx is not None:
        err_console.print(f"提示：用 {ctx.command_path} -h 查看帮助", highlight=False)
