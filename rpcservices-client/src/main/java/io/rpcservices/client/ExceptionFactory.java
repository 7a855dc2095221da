package io.rpcservices.client;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import java.util.function.Function;

/**
 * Maps a fault to its exception: the one place where fault codes meet exception classes. Only the
 * numeric code chooses the class, from a fixed table; names sent on the wire never do.
 */
final class ExceptionFactory {

  private ExceptionFactory() {}

  /** The exception for {@code fault}: a subclass for a known code, else the common base. */
  static RemoteFaultException create(Fault fault) {
    return FaultCode.of(fault.code())
        .map(ExceptionFactory::constructor)
        .orElse(RemoteFaultException::new)
        .apply(fault);
  }

  private static Function<Fault, RemoteFaultException> constructor(FaultCode code) {
    return switch (code) {
      case PARSE_ERROR -> ParseError::new;
      case INVALID_REQUEST -> InvalidRequest::new;
      case METHOD_NOT_FOUND -> MethodNotFound::new;
      case INVALID_PARAMS -> InvalidParams::new;
      case INTERNAL_ERROR -> InternalError::new;
      case SERVICE_ERROR -> ServiceError::new;
      case STACK_INDEX_ERROR -> StackIndexError::new;
      case STACK_NOT_FOUND_ERROR -> StackNotFoundError::new;
      case PARAMETER_NOT_FOUND_ERROR -> ParameterNotFoundError::new;
      case STORAGE_NOT_FOUND_ERROR -> StorageNotFoundError::new;
      case CLIENT_NOT_FOUND_ERROR -> ClientNotFoundError::new;
      case SERVICE_UNAVAILABLE_ERROR -> ServiceUnavailableError::new;
      case CALL_TIMEOUT_ERROR -> CallTimeoutError::new;
      case REMOTE_ERROR -> RemoteError::new;
      case PERMISSION_DENIED -> PermissionDenied::new;
      case REQUEST_TOO_LARGE -> RequestTooLarge::new;
    };
  }
}
