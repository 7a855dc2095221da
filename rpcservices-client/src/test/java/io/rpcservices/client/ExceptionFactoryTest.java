package io.rpcservices.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.protocol.Fault;
import io.rpcservices.protocol.FaultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExceptionFactoryTest {

  @ParameterizedTest
  @EnumSource(FaultCode.class)
  void mapEveryKnownCodeToTheClassNamedLikeItsError(FaultCode code) {
    Fault fault = Fault.of(code, "detail");

    RemoteFaultException exception = ExceptionFactory.create(fault);

    assertThat(exception.getClass().getSimpleName()).isEqualTo(code.errorName());
    assertThat(exception.getClass().getPackageName()).isEqualTo("io.rpcservices.client");
    assertThat(exception.fault()).isSameAs(fault);
    assertThat(exception).hasMessage(code.errorName() + ": detail");
  }

  @Test
  void mapUnknownCodeToTheCommonBase() {
    RemoteFaultException exception =
        ExceptionFactory.create(Fault.fromWire(999, "CustomError: odd"));

    assertThat(exception)
        .isExactlyInstanceOf(RemoteFaultException.class)
        .hasMessage("CustomError: odd");
    assertThat(exception.code()).isEqualTo(999);
    assertThat(exception.fault().type()).isEqualTo("CustomError");
  }

  @Test
  void chooseTheClassByCodeNeverByTheNameOnTheWire() {
    RemoteFaultException exception =
        ExceptionFactory.create(Fault.fromWire(100, "java.lang.ProcessBuilder: start"));

    assertThat(exception).isExactlyInstanceOf(StackIndexError.class);
  }

  @Test
  void remoteErrorWithoutDataReadsTypeAndMessageFromTheFaultString() {
    RemoteError error =
        (RemoteError)
            ExceptionFactory.create(
                Fault.fromWire(402, "RemoteError: java.lang.IllegalStateException: closed: twice"));

    assertThat(error.remoteType()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.remoteMessage()).isEqualTo("closed: twice");
    assertThat(error.remoteTrace()).isEmpty();
  }
}
