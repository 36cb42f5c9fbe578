"""unsafe-path, missing-file, undeclared-file: every resource is a real file inside data/, and every CSV
in data/ is declared. Runs before anything opens a file, because frictionless would download URLs and
follow symbolic links."""

from __future__ import annotations

from spf.validator.catalogue import make_error
from spf.validator.tables import Context, safe_relative

ERRORS = ["unsafe-path", "missing-file", "undeclared-file"]
FORKED = False
AFTER_OTHERS = False


def check(ctx: Context):
    declared = set()
    data_dir = (ctx.root / "data").resolve()
    for res in ctx.descriptor["resources"]:
        name, value = res.get("name"), res.get("path")
        where = dict(path=ctx.descriptor_rel, resource=name, value=value)
        reason = safe_relative(value)
        if reason is None:
            target = ctx.root / value
            # a link anywhere on the way (the file or a folder) can point outside the package
            if any(p.is_symlink() for p in [target, *target.parents] if p != ctx.root and ctx.root in p.parents):
                reason = "a symbolic link (it could point at any file on the machine)"
            elif data_dir not in target.resolve().parents:
                reason = "outside the data/ folder"
        if reason:
            yield make_error("unsafe-path", field="path", note=reason, **where)
            continue
        declared.add(target.resolve())
        if not target.is_file():
            yield make_error("missing-file", resource=name, path=value)
            continue
        ctx.safe.append(res)
    if data_dir.is_dir():
        for csv_path in sorted(data_dir.rglob("*.csv")):
            if csv_path.resolve() not in declared and not csv_path.is_symlink():
                yield make_error("undeclared-file", path=csv_path.relative_to(ctx.root).as_posix())
