package io.rpcservices.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The fault codes of the wire contract (DESIGN.md, "Faults"), each with its error name. */
public enum FaultCode {
  PARSE_ERROR(-32700, "ParseError"),
  INVALID_REQUEST(-32600, "InvalidRequest"),
  METHOD_NOT_FOUND(-32601, "MethodNotFound"),
  INVALID_PARAMS(-32602, "InvalidParams"),
  INTERNAL_ERROR(-32603, "InternalError"),
  SERVICE_ERROR(1, "ServiceError"),
  STACK_INDEX_ERROR(100, "StackIndexError"),
  STACK_NOT_FOUND_ERROR(101, "StackNotFoundError"),
  PARAMETER_NOT_FOUND_ERROR(200, "ParameterNotFoundError"),
  STORAGE_NOT_FOUND_ERROR(201, "StorageNotFoundError"),
  CLIENT_NOT_FOUND_ERROR(300, "ClientNotFoundError"),
  SERVICE_UNAVAILABLE_ERROR(400, "ServiceUnavailableError"),
  CALL_TIMEOUT_ERROR(401, "CallTimeoutError"),
  REMOTE_ERROR(402, "RemoteError"),
  PERMISSION_DENIED(403, "PermissionDenied"),
  REQUEST_TOO_LARGE(413, "RequestTooLarge");

  private static final Map<Integer, FaultCode> BY_CODE = new HashMap<>();

  static {
    for (FaultCode code : values()) {
      BY_CODE.put(code.code, code);
    }
  }

  private final int code;
  private final String errorName;

  FaultCode(int code, String errorName) {
    this.code = code;
    this.errorName = errorName;
  }

  /** The numeric {@code faultCode} on the wire. */
  public int code() {
    return code;
  }

  /** The error name that starts the fault string, such as {@code StackIndexError}. */
  public String errorName() {
    return errorName;
  }

  /** The known fault code with this number, if there is one. */
  public static Optional<FaultCode> of(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }
}
