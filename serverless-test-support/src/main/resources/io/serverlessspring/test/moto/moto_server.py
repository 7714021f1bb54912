"""moto's server, with two Lambda gaps of moto 5's server filled in: SnapStart and layers.

moto accepts SnapStart in CreateFunction and UpdateFunctionConfiguration but always answers
{"ApplyOn": "None"}. Here a function keeps what it was given, and a published version of a
function with SnapStart reports OptimizationStatus On, as Lambda does. Layers: the server routes the 2018-10-31/layers
URLs to a second Lambda backend (awslambda_simple's), so CreateFunction never found a layer version
just published; here every Lambda backend of one account and region shares one layer store.
Lex V2: bots and bot aliases get ids shaped as AWS's (10 capitals and digits; moto gives UUIDs, which
no bot alias ARN can hold), and DescribeBotAlias/UpdateBotAlias of an alias that does not exist (or is
not the bot's) answer 404 ResourceNotFoundException, as Lex does (moto fails with a 500).
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

import random
import string

from moto.core.exceptions import JsonRESTError
from moto.lexv2models import models as lex


class _LexResourceNotFound(JsonRESTError):
    code = 404

    def __init__(self, message):
        super().__init__("ResourceNotFoundException", message)


def _lex_id():
    return "".join(random.choices(string.ascii_uppercase + string.digits, k=10))


def _with_lex_id(init):
    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.id = _lex_id()
        self.arn = self._generate_arn().replace("$", "")

    return __init__


def _known_alias(operation):
    def checked(self, bot_alias_id, bot_id, **kwargs):
        alias = self.bot_aliases.get(bot_alias_id)
        if alias is None or alias.bot_id != bot_id:
            raise _LexResourceNotFound(f"Failed to retrieve resource since it does not exist: bot alias {bot_alias_id}")
        return operation(self, bot_alias_id=bot_alias_id, bot_id=bot_id, **kwargs)

    return checked


lex.FakeBot.__init__ = _with_lex_id(lex.FakeBot.__init__)
lex.FakeBotAlias.__init__ = _with_lex_id(lex.FakeBotAlias.__init__)
lex.LexModelsV2Backend.describe_bot_alias = _known_alias(lex.LexModelsV2Backend.describe_bot_alias)
lex.LexModelsV2Backend.update_bot_alias = _known_alias(lex.LexModelsV2Backend.update_bot_alias)

if __name__ == "__main__":
    server.main(sys.argv[1:])
