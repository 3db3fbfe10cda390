"""Reads template.yaml — the one source of truth — and resolves the intrinsics it uses.

The local stack and the tests both build their resources from what this returns, so a
resource added to the template exists locally without being listed anywhere else.
"""

from __future__ import annotations

import functools
import json
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_PATH = ROOT / "template.yaml"

_SHORT_FORMS = {
    "Ref": "Ref",
    "GetAtt": "Fn::GetAtt",
    "Sub": "Fn::Sub",
    "Join": "Fn::Join",
    "Select": "Fn::Select",
    "Split": "Fn::Split",
    "If": "Fn::If",
    "Equals": "Fn::Equals",
    "Not": "Fn::Not",
    "And": "Fn::And",
    "Or": "Fn::Or",
    "FindInMap": "Fn::FindInMap",
    "GetAZs": "Fn::GetAZs",
    "ImportValue": "Fn::ImportValue",
    "Base64": "Fn::Base64",
    "Condition": "Condition",
}


class _TemplateLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short-form tags (`!Ref`, `!GetAtt`, `!Sub` ...)."""


def _construct_tag(loader: _TemplateLoader, suffix: str, node: yaml.Node) -> dict[str, Any]:
    name = _SHORT_FORMS.get(suffix)
    if name is None:
        raise yaml.constructor.ConstructorError(None, None, f"unknown tag !{suffix}", node.start_mark)
    value: Any
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        if name == "Fn::GetAtt":
            value = value.split(".", 1)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return {name: value}


_TemplateLoader.add_multi_constructor("!", _construct_tag)


def load(path: Path = TEMPLATE_PATH) -> dict[str, Any]:
    """The template as data: a copy of its parse, so a caller may change it freely. Parsing
    the YAML takes longer than provisioning a moto account from it, and every integration
    test does the latter; the parse is kept per file and modification time."""
    stat = path.stat()
    return pickle.loads(_parsed(path, stat.st_mtime_ns, stat.st_size))  # noqa: S301 - our own bytes


@functools.lru_cache(maxsize=4)
def _parsed(path: Path, mtime_ns: int, size: int) -> bytes:
    with path.open(encoding="utf-8") as handle:
        template = dict(yaml.load(handle, Loader=_TemplateLoader))  # noqa: S506 - a SafeLoader subclass
    return pickle.dumps(template)


@dataclass
class FunctionSpec:
    logical_id: str
    name: str
    code_uri: str
    handler: str
    timeout: int
    memory: int
    environment: dict[str, str]
    events: dict[str, dict[str, Any]]
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def module_path(self) -> Path:
        return ROOT / self.code_uri / (self.handler.rsplit(".", 1)[0].replace(".", "/") + ".py")

    @property
    def reserved_concurrency(self) -> int | None:
        value = self.properties.get("ReservedConcurrentExecutions")
        return int(value) if isinstance(value, int | str) and str(value).isdigit() else None

    @property
    def handler_attribute(self) -> str:
        return self.handler.rsplit(".", 1)[1]


@dataclass
class StateMachineSpec:
    logical_id: str
    name: str
    type: str
    definition: dict[str, Any]
    events: dict[str, dict[str, Any]]


@dataclass(frozen=True)
class EventSource:
    """One entry of a function's or state machine's `Events`, properties resolved."""

    target: str  # the logical id of the function or state machine
    target_kind: str  # "function" or "stateMachine"
    name: str
    type: str
    properties: dict[str, Any]


_SUB_VARIABLE = re.compile(r"\$\{([^}!][^}]*)\}")
_NO_VALUE = object()  # what !Ref AWS::NoValue resolves to: the property is left out


class Stack:
    """The template with physical names and attributes for every resource, as a deployed
    stack would have them; attributes that only exist after creation (queue URLs, stream
    ARNs) are recorded by whoever creates the resource."""

    def __init__(
        self,
        template: dict[str, Any] | None = None,
        *,
        name: str = "aftercare-local",
        region: str = "us-east-1",
        account: str = "123456789012",
        parameters: dict[str, str] | None = None,
        root: Path = ROOT,
    ) -> None:
        self.template = template if template is not None else load()
        self.root = root
        self.name = name
        self.region = region
        self.account = account
        self.resources: dict[str, dict[str, Any]] = self.template.get("Resources", {})
        self.parameters = self._parameters(parameters or {})
        self.refs: dict[str, str] = {}
        self.attributes: dict[str, dict[str, str]] = {}
        for logical_id, resource in self.resources.items():
            self._default_identity(logical_id, resource["Type"])

    def _parameters(self, given: dict[str, str]) -> dict[str, str]:
        values = {}
        for key, spec in self.template.get("Parameters", {}).items():
            if key in given:
                values[key] = str(given[key])
            elif "Default" in spec:
                values[key] = str(spec["Default"])
            else:
                raise ValueError(f"template parameter {key} needs a value")
        return values

    def physical_name(self, logical_id: str) -> str:
        return f"{self.name}-{logical_id}"

    def _arn(self, service: str, resource: str) -> str:
        return f"arn:aws:{service}:{self.region}:{self.account}:{resource}"

    def _default_identity(self, logical_id: str, kind: str) -> None:
        name = self.physical_name(logical_id)
        attributes: dict[str, str] = {}
        ref = name
        if kind == "AWS::DynamoDB::Table":
            attributes["Arn"] = self._arn("dynamodb", f"table/{name}")
        elif kind == "AWS::SQS::Queue":
            attributes = {"Arn": self._arn("sqs", name), "QueueName": name}
            ref = f"https://sqs.{self.region}.amazonaws.com/{self.account}/{name}"
        elif kind == "AWS::SNS::Topic":
            ref = self._arn("sns", name)
            attributes = {"TopicArn": ref, "TopicName": name}
        elif kind == "AWS::S3::Bucket":
            ref = name.lower()
            attributes = {"Arn": f"arn:aws:s3:::{ref}", "DomainName": f"{ref}.s3.amazonaws.com"}
        elif kind in {"AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"}:
            ref = self._arn("states", f"stateMachine:{name}")
            attributes = {"Arn": ref, "Name": name}
        elif kind in {"AWS::Serverless::Function", "AWS::Lambda::Function"}:
            attributes = {"Arn": self._arn("lambda", f"function:{name}")}
        elif kind == "AWS::Logs::LogGroup":
            attributes = {"Arn": self._arn("logs", f"log-group:{name}")}
        elif kind == "AWS::CloudWatch::Alarm":
            attributes = {"Arn": self._arn("cloudwatch", f"alarm:{name}")}
        elif kind == "AWS::SecretsManager::Secret":
            ref = self._arn("secretsmanager", f"secret:{name}")  # the real one gains a suffix
            attributes = {"Id": ref}
        elif kind == "AWS::Events::EventBus":
            # Name is required (and chosen) for a bus; it only uses parameters and pseudo refs.
            given = (self.resources[logical_id].get("Properties") or {}).get("Name")
            ref = str(self.resolve(given)) if given else name
            attributes = {"Arn": self._arn("events", f"event-bus/{ref}"), "Name": ref}
        elif kind == "AWS::Events::Rule":
            # The bus is filled in when the rule is created (infra/local/events.py).
            attributes = {"Arn": self._arn("events", f"rule/{name}")}
        elif kind == "AWS::KMS::Key":
            ref = "00000000-0000-0000-0000-000000000000"
            attributes = {"Arn": self._arn("kms", f"key/{ref}"), "KeyId": ref}
        self.refs[logical_id] = ref
        self.attributes[logical_id] = attributes

    def record(self, logical_id: str, *, ref: str | None = None, **attributes: str) -> None:
        if ref is not None:
            self.refs[logical_id] = ref
        self.attributes[logical_id].update(attributes)

    # ------------------------------------------------------------ intrinsic functions
    def _pseudo(self, name: str) -> str | None:
        return {
            "AWS::Region": self.region,
            "AWS::AccountId": self.account,
            "AWS::StackName": self.name,
            "AWS::Partition": "aws",
            "AWS::URLSuffix": "amazonaws.com",
            "AWS::NoValue": None,
        }.get(name)

    def ref(self, name: str) -> str:
        if name in self.parameters:
            return self.parameters[name]
        if name in self.refs:
            return self.refs[name]
        pseudo = self._pseudo(name)
        if pseudo is None:
            raise KeyError(f"!Ref to unknown {name}")
        return pseudo

    def get_att(self, logical_id: str, attribute: str) -> str:
        try:
            return self.attributes[logical_id][attribute]
        except KeyError:
            raise KeyError(f"!GetAtt {logical_id}.{attribute} is not known locally") from None

    def _sub(self, text: str, variables: dict[str, Any]) -> str:
        def replace(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in variables:
                return str(self.resolve(variables[key]))
            if "." in key:
                return self.get_att(*key.split(".", 1))
            return self.ref(key)

        return _SUB_VARIABLE.sub(replace, text).replace("${!", "${")

    def condition(self, name: str) -> bool:
        """A named entry of the template's Conditions, evaluated with this stack's parameters."""
        conditions = self.template.get("Conditions", {})
        if name not in conditions:
            raise KeyError(f"no condition {name!r} in the template")
        return bool(self._resolve(conditions[name]))

    def resolve(self, value: Any) -> Any:
        resolved = self._resolve(value)
        return None if resolved is _NO_VALUE else resolved

    def _resolve(self, value: Any) -> Any:
        if isinstance(value, list):
            return [item for item in (self._resolve(item) for item in value) if item is not _NO_VALUE]
        if not isinstance(value, dict):
            return value
        if len(value) == 1:
            ((key, argument),) = value.items()
            if key == "Ref" and argument == "AWS::NoValue":
                return _NO_VALUE
            if key == "Ref":
                return self.ref(argument)
            if key == "Fn::If":
                name, when_true, when_false = argument
                return self._resolve(when_true if self.condition(name) else when_false)
            if key == "Fn::Equals":
                return str(self._resolve(argument[0])) == str(self._resolve(argument[1]))
            if key == "Fn::Not":
                return not self._resolve(argument[0])
            if key == "Fn::And":
                return all(self._resolve(item) for item in argument)
            if key == "Fn::Or":
                return any(self._resolve(item) for item in argument)
            if key == "Condition" and isinstance(argument, str):
                return self.condition(argument)
            if key == "Fn::GetAtt":
                parts = argument if isinstance(argument, list) else argument.split(".", 1)
                return self.get_att(parts[0], parts[1])
            if key == "Fn::Sub":
                if isinstance(argument, list):
                    return self._sub(argument[0], argument[1])
                return self._sub(argument, {})
            if key == "Fn::Join":
                return str(argument[0]).join(str(self.resolve(item)) for item in argument[1])
            if key == "Fn::Select":
                return self.resolve(argument[1])[int(self.resolve(argument[0]))]
            if key == "Fn::Split":
                return str(self.resolve(argument[1])).split(argument[0])
        resolved = {key: self._resolve(item) for key, item in value.items()}
        return {key: item for key, item in resolved.items() if item is not _NO_VALUE}

    # ------------------------------------------------------------ resources by kind
    def rule_failures(self) -> list[str]:
        """The AssertDescription of every template Rule assertion these parameters break, as
        CloudFormation would refuse the stack (RuleCondition holds, an Assert does not)."""
        failures = []
        for name, rule in (self.template.get("Rules") or {}).items():
            if "RuleCondition" in rule and not self._resolve(rule["RuleCondition"]):
                continue
            for assertion in rule.get("Assertions", []):
                if not self._resolve(assertion["Assert"]):
                    failures.append(f"{name}: {assertion.get('AssertDescription', 'assertion failed')}")
        return failures

    def exists(self, logical_id: str) -> bool:
        """False for a resource whose Condition does not hold for these parameters."""
        name = self.resources[logical_id].get("Condition")
        return name is None or self.condition(name)

    def of_type(self, *kinds: str) -> Iterator[tuple[str, dict[str, Any]]]:
        for logical_id, resource in self.resources.items():
            if resource["Type"] in kinds and self.exists(logical_id):
                yield logical_id, resource.get("Properties", {})

    def globals_for_functions(self) -> dict[str, Any]:
        return dict(self.template.get("Globals", {}).get("Function", {}))

    def functions(self) -> list[FunctionSpec]:
        defaults = self.globals_for_functions()
        default_env = defaults.get("Environment", {}).get("Variables", {})
        specs = []
        for logical_id, props in self.of_type("AWS::Serverless::Function"):
            environment = {**default_env, **props.get("Environment", {}).get("Variables", {})}
            specs.append(
                FunctionSpec(
                    logical_id=logical_id,
                    name=self.physical_name(logical_id),
                    code_uri=props["CodeUri"].rstrip("/"),
                    handler=props.get("Handler", defaults.get("Handler", "app.lambda_handler")),
                    timeout=int(props.get("Timeout", defaults.get("Timeout", 3))),
                    memory=int(props.get("MemorySize", defaults.get("MemorySize", 128))),
                    environment={key: str(self.resolve(value)) for key, value in environment.items()},
                    events=props.get("Events", {}),
                    properties=props,
                )
            )
        return specs

    def state_machines(self) -> list[StateMachineSpec]:
        """Every state machine with its definition read (DefinitionUri, relative to the
        template, or an inline Definition) and its DefinitionSubstitutions applied."""
        specs = []
        for logical_id, props in self.of_type(
            "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"
        ):
            specs.append(
                StateMachineSpec(
                    logical_id=logical_id,
                    name=self.get_att(logical_id, "Name"),
                    type=str(props.get("Type", props.get("StateMachineType", "STANDARD"))),
                    definition=self.state_machine_definition(props),
                    events=props.get("Events", {}),
                )
            )
        return specs

    def state_machine_definition(self, props: dict[str, Any]) -> dict[str, Any]:
        if "DefinitionUri" in props:
            uri = self.resolve(props["DefinitionUri"])
            if not isinstance(uri, str):
                raise ValueError("only a local DefinitionUri (a path beside the template) is supported")
            text = (self.root / uri).read_text(encoding="utf-8")
        elif "Definition" in props:
            text = json.dumps(self.resolve(props["Definition"]))
        elif "DefinitionString" in props:
            text = str(self.resolve(props["DefinitionString"]))
        else:
            raise ValueError("a state machine needs DefinitionUri, Definition or DefinitionString")
        substitutions = {
            key: str(self.resolve(value))
            for key, value in (props.get("DefinitionSubstitutions") or {}).items()
        }
        text = _SUB_VARIABLE.sub(lambda match: substitutions.get(match.group(1), match.group(0)), text)
        loaded = yaml.safe_load(text)
        if not isinstance(loaded, dict):
            raise ValueError("a state machine definition must be an object")
        return loaded

    def events(self, *kinds: str) -> Iterator[EventSource]:
        """Every event source of the given types (SQS, Schedule, DynamoDB ...) declared on a
        function or a state machine, with its properties resolved."""
        targets: list[tuple[str, str, dict[str, Any]]] = [
            (spec.logical_id, "function", spec.events) for spec in self.functions()
        ]
        targets += [
            (logical_id, "stateMachine", props.get("Events", {}))
            for logical_id, props in self.of_type("AWS::Serverless::StateMachine")
        ]
        for target, target_kind, events in targets:
            for name, event in (events or {}).items():
                if event.get("Type") in kinds:
                    yield EventSource(
                        target=target,
                        target_kind=target_kind,
                        name=name,
                        type=event["Type"],
                        properties=self.resolve(event.get("Properties", {})),
                    )

    def http_routes(self) -> Iterator[tuple[FunctionSpec, str, str, dict[str, Any]]]:
        """(function, METHOD, path, event properties) for every HttpApi event."""
        for function in self.functions():
            for event in function.events.values():
                if event.get("Type") == "HttpApi":
                    props = event.get("Properties", {})
                    yield function, props.get("Method", "ANY").upper(), props["Path"], props
