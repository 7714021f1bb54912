"""moto's server, with the one Lambda field moto 5 drops filled in: SnapStart.

moto accepts SnapStart in CreateFunction and UpdateFunctionConfiguration but always answers
{"ApplyOn": "None"}. Here a function keeps what it was given, and a published version of a
function with SnapStart reports OptimizationStatus On, as Lambda does. Arguments are moto.server's.
"""
import sys

from moto.awslambda import models
from moto import server

_init = models.LambdaFunction.__init__
_update = models.LambdaFunction.update_configuration
_configuration = models.LambdaFunction.get_configuration


def _apply_on(snap_start):
    return (snap_start or {}).get("ApplyOn", "None")


def __init__(self, account_id, spec, region, version=1):
    _init(self, account_id, spec, region, version)
    self.snap_start_apply_on = _apply_on(spec.get("SnapStart"))


def update_configuration(self, config_updates):
    if "SnapStart" in config_updates:
        self.snap_start_apply_on = _apply_on(config_updates["SnapStart"])
    return _update(self, config_updates)


def get_configuration(self, *args, **kwargs):
    config = _configuration(self, *args, **kwargs)
    apply_on = getattr(self, "snap_start_apply_on", "None")
    published = str(config.get("Version", "$LATEST")) != "$LATEST"
    config["SnapStart"] = {
        "ApplyOn": apply_on,
        "OptimizationStatus": "On" if published and apply_on == "PublishedVersions" else "Off",
    }
    return config


models.LambdaFunction.__init__ = __init__
models.LambdaFunction.update_configuration = update_configuration
models.LambdaFunction.get_configuration = get_configuration

if __name__ == "__main__":
    server.main(sys.argv[1:])
