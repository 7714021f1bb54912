"""moto's server, with two Lambda gaps of moto 5's server filled in: SnapStart and layers.

moto accepts SnapStart in CreateFunction and UpdateFunctionConfiguration but always answers
{"ApplyOn": "None"}. Here a function keeps what it was given, and a published version of a
function with SnapStart reports OptimizationStatus On, as Lambda does. Layers: the server routes the 2018-10-31/layers
URLs to a second Lambda backend (awslambda_simple's), so CreateFunction never found a layer version
just published; here every Lambda backend of one account and region shares one layer store.
Arguments are moto.server's.
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


_backend_init = models.LambdaBackend.__init__
_layer_stores = {}


def _backend_init_sharing_layers(self, region_name, account_id):
    _backend_init(self, region_name, account_id)
    store, members = _layer_stores.get((account_id, region_name), (None, set()))
    if store is None or id(self) in members:
        # first backend of this account and region, or one being reset (/moto-api/reset): a new store
        store, members = self._layers, set()
        _layer_stores[(account_id, region_name)] = (store, members)
    members.add(id(self))
    self._layers = store


models.LambdaBackend.__init__ = _backend_init_sharing_layers
models.LambdaFunction.__init__ = __init__
models.LambdaFunction.update_configuration = update_configuration
models.LambdaFunction.get_configuration = get_configuration

if __name__ == "__main__":
    server.main(sys.argv[1:])
