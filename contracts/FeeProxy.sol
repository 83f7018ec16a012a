// SPDX-License-Identifier: MIT
pragma solidity 0.8.26;

interface ERC20Like {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// @title A local stand-in for Request Network's ERC20FeeProxy, for development and tests only.
/// @notice The same function and event as the published deployments, so Payrelay reads its
/// payments exactly as it reads theirs: the payer approves this contract, which moves `amount`
/// to `to` and `feeAmount` to `feeAddress`, and logs the payment reference.
contract FeeProxy {
    event TransferWithReferenceAndFee(
        address tokenAddress,
        address to,
        uint256 amount,
        bytes indexed paymentReference,
        uint256 feeAmount,
        address feeAddress
    );

    function transferFromWithReferenceAndFee(
        address tokenAddress,
        address to,
        uint256 amount,
        bytes calldata paymentReference,
        uint256 feeAmount,
        address feeAddress
    ) external {
        require(ERC20Like(tokenAddress).transferFrom(msg.sender, to, amount), "payment transferFrom() failed");
        if (feeAmount > 0 && feeAddress != address(0)) {
            require(ERC20Like(tokenAddress).transferFrom(msg.sender, feeAddress, feeAmount), "fee transferFrom() failed");
        }
        emit TransferWithReferenceAndFee(tokenAddress, to, amount, paymentReference, feeAmount, feeAddress);
    }
}
