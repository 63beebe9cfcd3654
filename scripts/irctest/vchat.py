"""irctest controller for vchat: copy to irctest/controllers/vchat.py and run
pytest --controller irctest.controllers.vchat (scripts/irctest/run.sh does it).
Starts target/chat.jar (VCHAT_JAR) with the IRC listener on irctest's port."""
import base64
import hashlib
import json
import os
from typing import Optional, Set, Type

from irctest.basecontrollers import BaseServerController, DirectoryBasedController
from irctest.runner import NotImplementedByController

JAR = os.environ.get("VCHAT_JAR", "target/chat.jar")


def oper_hash(password: str, iterations: int = 1000) -> str:
    """A password as the config keeps it (see OperPassword); few iterations: a test server."""
    salt = os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return "pbkdf2-sha256:%d:%s:%s" % (
        iterations,
        base64.b64encode(salt).decode(),
        base64.b64encode(digest).decode(),
    )


class VchatController(BaseServerController, DirectoryBasedController):
    software_name = "vchat"
    supported_sasl_mechanisms: Set[str] = set()
    supports_sts = False

    def run(
        self,
        hostname: str,
        port: int,
        *,
        password: Optional[str],
        ssl: bool,
        run_services: bool,
        faketime: Optional[str],
        websocket_hostname: Optional[str],
        websocket_port: Optional[int],
    ) -> None:
        if websocket_hostname is not None or websocket_port is not None:
            raise NotImplementedByController("Websocket")
        if ssl:
            raise NotImplementedByController("TLS")
        if run_services:
            raise NotImplementedByController("services")
        assert self.proc is None
        self.port = port
        self.hostname = hostname
        self.create_config()
        (_, chat_port) = self.get_hostname_and_port()
        config = {
            "host": hostname,
            "port": chat_port,
            "ircPort": port,
            "instances": 1,
            "webEnabled": False,
            "metricsEnabled": False,
            "idleTimeoutSeconds": 0,
            # irctest sends bursts and opens many connections from one address
            "floodMessagesPerSecond": 0,
            "maxConnectionsPerIp": 0,
            # each test starts a fresh server; no history, no automatic #lobby, so that
            # the tests' channels hold only what the tests do
            "historyLines": 0,
            "ircAutoJoin": False,
            "ircServerName": "My.Little.Server",
            # the operator irctest's tests use (as its ngircd controller configures)
            "ircOperators": {"operuser": oper_hash("operpassword")},
            "ircPassword": oper_hash(password) if password is not None else "",
        }
        self.proc = self.execute(
            ["java", "-XX:TieredStopAtLevel=1", "-jar", JAR, "-conf", json.dumps(config)]
        )


def get_irctest_controller_class() -> Type[VchatController]:
    return VchatController
